using CoachBot.Core.Inbound;
using CoachBot.Slack.Inbound;

namespace CoachBot.Slack.Agent;

/// <summary>
/// Remembers, durably, which members were greeted: one completed row per (workspace, member) in the inbound inbox
/// (the bot's database; SQLite or PostgreSQL), keyed <c>agent-greeting:&lt;team&gt;:&lt;user&gt;</c>. The inbox already
/// answers "seen before?" atomically across processes and restarts, so no table of its own is needed; the row's useful
/// life is set a century ahead so the purger keeps it, and it is completed at once so start-up never replays it.
/// </summary>
public sealed class SlackGreetingLedger(IInboundInbox inbox, TimeProvider time)
{
    public const string Kind = "agent_greeting";

    private static readonly TimeSpan Remembered = TimeSpan.FromDays(36_500);

    /// <summary>True the first time it is asked for this member (the caller greets); false ever after.</summary>
    public async Task<bool> TryClaimAsync(string teamId, string userId, CancellationToken cancellationToken)
    {
        var key = "agent-greeting:" + teamId + ":" + userId;
        var now = time.GetUtcNow();
        cancellationToken.ThrowIfCancellationRequested();
        // Not cancellable once started: a write that went through while the caller gave up would mark a member greeted
        // who never saw the greeting.
        var recorded = await inbox.RecordAsync(
            new InboundDelivery(SlackIntake.Platform, key, Kind, "{}", now, now + Remembered), CancellationToken.None);
        if (recorded == InboundRecordResult.Duplicate)
        {
            return false;
        }

        await inbox.CompleteAsync(SlackIntake.Platform, key, CancellationToken.None);
        return true;
    }
}
