using CoachBot.Core.Commands;
using CoachBot.Core.Dispatch;
using CoachBot.Core.Replies;

namespace CoachBot.Slack.Tests.Support;

/// <summary>/announce: a moderator-only command (the dispatcher enforces it from CommandContext.IsModerator).</summary>
public sealed class TestAnnounceCommand(TestCoach coach) : ICommandHandler
{
    public CommandDefinition Definition { get; } = new("announce", "Moderators only") { ModeratorOnly = true };

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        await coach.EnterAsync(request, cancellationToken);
        return Reply.One(Reply.Ephemeral("Announced."));
    }
}
