using CoachBot.Core.Conversations;
using CoachBot.Core.Dispatch;
using CoachBot.Core.Replies;
using CoachBot.Storage.Challenges;
using Microsoft.Extensions.Logging;

namespace CoachBot.Coaching.Challenges;

/// <summary>
/// The moderator check every moderator subcommand runs itself (on top of the dispatcher's), and the audit trail: every
/// moderator action and every refused attempt is written to the audit table.
/// </summary>
public sealed partial class ChallengeModeration(IModeratorAuditLog audit, TimeProvider time, ILogger<ChallengeModeration> logger)
{
    public const string SchedulerActor = "coachbot:scheduler";

    public const string Refusal = "Sorry, only community moderators can do that. Ask a moderator if you'd like a challenge posted.";

    /// <summary>Null when the caller is a moderator; otherwise a polite refusal, after recording the attempt.</summary>
    public async Task<IReadOnlyList<Reply>?> RefuseUnlessModeratorAsync(CommandRequest request, string action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Context.IsModerator)
        {
            return null;
        }

        LogRefused(request.Context.User.Key, action);
        await RecordAsync(request.Context, action + ".refused", "not a moderator", cancellationToken);
        return Reply.One(Reply.Ephemeral(Refusal));
    }

    public Task RecordAsync(CommandContext context, string action, string details, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return audit.RecordAsync(
            new ModeratorAuditEntry
            {
                CommunityKey = context.Conversation.CommunityKey,
                ActorKey = context.User.Key,
                ActorName = Storage.Community.SafeDisplayName.From(context.User.DisplayName),
                Action = action,
                Details = details,
                At = time.GetUtcNow(),
                CorrelationId = context.CorrelationId,
            },
            cancellationToken);
    }

    /// <summary>Records what the scheduler did on the moderators' behalf (scheduled post, automatic close).</summary>
    public Task RecordSchedulerAsync(string communityKey, string action, string details, CancellationToken cancellationToken) =>
        audit.RecordAsync(
            new ModeratorAuditEntry
            {
                CommunityKey = communityKey,
                ActorKey = SchedulerActor,
                ActorName = "CoachBot scheduler",
                Action = action,
                Details = details,
                At = time.GetUtcNow(),
            },
            cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused moderator action {Action} for {User}")]
    private partial void LogRefused(string user, string action);
}
