using CoachBot.Core.Outbound;
using CoachBot.Storage.Challenges;
using Microsoft.Extensions.Logging;

namespace CoachBot.Dashboard.Web;

/// <summary>
/// Re-checks, before a sensitive action (posting, closing, judging, scheduling), that the session's moderator still is
/// one: the platform's answer or the configured moderator list (<see cref="ModeratorDirectories"/>). When the platform
/// cannot tell (Discord or Slack unreachable, no directory registered), the moderator check made when the link was
/// issued stands. The operator's own session (<c>dashboard-link</c>, <see cref="DashboardSession.IsOperator"/>) is
/// not a platform member and is always allowed, on every platform; its actions are audited as "operator". A refusal
/// is audited.
/// </summary>
public sealed partial class DashboardModeratorCheck(
    ModeratorDirectories directories, IModeratorAuditLog audit, TimeProvider time, ILogger<DashboardModeratorCheck> logger)
{
    public async Task<bool> IsStillModeratorAsync(DashboardSession session, string action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (session.IsOperator
            || await directories.IsModeratorAsync(session.Platform, session.CommunityId, session.UserId, cancellationToken) != false)
        {
            return true;
        }

        LogRefused(session.User.Key, action);
        await audit.RecordAsync(
            new ModeratorAuditEntry
            {
                CommunityKey = session.CommunityKey,
                ActorKey = session.User.Key,
                ActorName = Storage.Community.SafeDisplayName.From(session.DisplayName),
                Action = action + ".refused",
                Details = "dashboard: no longer a moderator",
                At = time.GetUtcNow(),
            },
            cancellationToken);
        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dashboard action {Action} refused: {User} is no longer a moderator")]
    private partial void LogRefused(string user, string action);
}
