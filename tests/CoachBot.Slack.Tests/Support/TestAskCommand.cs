using CoachBot.Core.Commands;
using CoachBot.Core.Dispatch;
using CoachBot.Core.Replies;

namespace CoachBot.Slack.Tests.Support;

/// <summary>/ask &lt;question&gt;: echoes the question publicly with a title and sources, in a new thread.</summary>
public sealed class TestAskCommand(TestCoach coach) : ICommandHandler
{
    public CommandDefinition Definition { get; } = new("ask", "Ask the coach a question")
    {
        Options = [new CommandOption("question", "Your question") { Required = true, TakesRest = true }],
    };

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        await coach.EnterAsync(request, cancellationToken);
        return Reply.One(new Reply
        {
            Title = "Answer",
            Text = "**Q:** " + request.Option("question"),
            Sources = [new Citation("g1", "Backend Basics", ["Databases"])],
            Placement = ReplyPlacement.Thread,
        });
    }
}
