using CoachBot.Core.Conversations;
using CoachBot.Core.Dispatch;
using CoachBot.Core.Replies;

namespace CoachBot.Slack.Tests.Support;

/// <summary>Answers any message with its own text, a source and a Thread placement (like the ask feature would).</summary>
public sealed class TestMessageHandler(TestCoach coach) : IMessageHandler
{
    public int Order => 0;

    public async Task<IReadOnlyList<Reply>?> TryHandleAsync(MessageRequest request, CancellationToken cancellationToken)
    {
        await coach.EnterAsync(request, cancellationToken);
        return Reply.One(new Reply
        {
            Text = $"You asked ({request.Origin}): {request.Text}",
            Sources = [new Citation("g1", "Backend Basics", ["Databases", "Indexes"])],
            Placement = ReplyPlacement.Thread,
        });
    }
}
