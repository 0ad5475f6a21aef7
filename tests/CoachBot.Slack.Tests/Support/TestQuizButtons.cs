using CoachBot.Core.Commands;
using CoachBot.Core.Dispatch;
using CoachBot.Core.Replies;

namespace CoachBot.Slack.Tests.Support;

/// <summary>quiz:&lt;session&gt;:&lt;question&gt;:&lt;answer&gt; — checks the session exists and belongs to the clicker.</summary>
public sealed class TestQuizButtons(TestCoach coach, TestQuizSessions sessions) : IButtonHandler
{
    public string Feature => "quiz";

    public async Task<IReadOnlyList<Reply>> HandleAsync(ButtonRequest request, ButtonId id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        await coach.EnterAsync(request, cancellationToken);
        if (id.Part(0) is not { } session || !sessions.Owners.TryGetValue(session, out var owner))
        {
            return Reply.One(Reply.Ephemeral("That quiz has ended or never existed."));
        }

        if (owner != request.Context.User.Key)
        {
            return Reply.One(Reply.Ephemeral("This quiz belongs to someone else. Start your own with `/quiz`."));
        }

        return Reply.One(new Reply
        {
            Title = "Quiz · Question 1/5",
            Text = id.Part(2) == "A" ? "Correct! Indexes speed up reads." : "Not quite: indexes speed up reads.",
            Placement = ReplyPlacement.UpdateSource,
            Buttons = [new ReplyButton(ButtonId.Create("quiz", session, "0", "A"), "Reads", ButtonStyle.Success, Disabled: true)],
        });
    }
}
