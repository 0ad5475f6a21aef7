using CoachBot.Slack.Api;
using CoachBot.Slack.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Slack.Identity;

/// <summary>
/// Decides the caller's moderator flag: listed in Slack:ModeratorUserIds, or a member of a Slack:ModeratorUserGroupIds
/// group (usergroups.users.list, cached for five minutes; a failed lookup keeps the previous members or counts as no).
/// </summary>
public sealed partial class SlackModeratorResolver(
    SlackApiClient api,
    IOptions<SlackOptions> options,
    TimeProvider timeProvider,
    ILogger<SlackModeratorResolver> logger) : IDisposable
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _refreshLock = new(1, 1);
    private HashSet<string> _groupMembers = new(StringComparer.Ordinal);
    private DateTimeOffset _refreshedAt = DateTimeOffset.MinValue;

    public async Task<bool> IsModeratorAsync(string userId, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.ModeratorUserIds.Contains(userId, StringComparer.Ordinal))
        {
            return true;
        }

        if (settings.ModeratorUserGroupIds.Count == 0)
        {
            return false;
        }

        if (timeProvider.GetUtcNow() - _refreshedAt > CacheFor)
        {
            await RefreshAsync(settings, cancellationToken);
        }

        return _groupMembers.Contains(userId);
    }

    private async Task RefreshAsync(SlackOptions settings, CancellationToken cancellationToken)
    {
        await _refreshLock.WaitAsync(cancellationToken);
        try
        {
            if (timeProvider.GetUtcNow() - _refreshedAt <= CacheFor)
            {
                return;
            }

            var members = new HashSet<string>(StringComparer.Ordinal);
            foreach (var group in settings.ModeratorUserGroupIds)
            {
                try
                {
                    members.UnionWith(await api.GetUserGroupMembersAsync(group, cancellationToken));
                }
                catch (SlackApiException ex)
                {
                    LogGroupLookupFailed(group, ex.Error);
                    members.UnionWith(_groupMembers);
                }
            }

            _groupMembers = members;
            _refreshedAt = timeProvider.GetUtcNow();
        }
        finally
        {
            _refreshLock.Release();
        }
    }

    public void Dispose() => _refreshLock.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read moderator user group {Group}: {Error}")]
    private partial void LogGroupLookupFailed(string group, string error);
}
