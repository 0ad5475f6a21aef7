using CoachBot.Core.Commands;
using CoachBot.Core.Dispatch;
using CoachBot.Core.Replies;

namespace CoachBot.Slack.Tests.Support;

/// <summary>/long: a reply far over Slack's per-block and per-message limits.</summary>
public sealed class TestLongCommand : ICommandHandler
{
    public CommandDefinition Definition { get; } = new("long", "A very long answer");

    public Task<IReadOnlyList<Reply>> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var paragraphs = Enumerable.Range(1, 120).Select(i => $"Paragraph {i}: " + string.Concat(Enumerable.Repeat("lorem ipsum dolor sit amet ", 12)));
        return Task.FromResult(Reply.One(new Reply { Title = "Long", Text = string.Join("\n\n", paragraphs) }));
    }
}
