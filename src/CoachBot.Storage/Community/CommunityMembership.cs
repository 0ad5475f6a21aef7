using System.Collections.Concurrent;
using CoachBot.Core.Conversations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace CoachBot.Storage.Community;

/// <summary>
/// Records that a member did something in a community (asked a question, took an interview, answered a review,
/// submitted to a challenge; a quiz start records itself), so the dashboard's member list holds everyone with data in
/// the community, under the name they had. Refreshed at most every <see cref="RefreshEvery"/> per member, community and
/// name in this process (one database write per member per ten minutes, not one per question). Direct messages on
/// Discord ("dm") belong to no community and are not recorded. A database fault is logged and never fails the feature.
/// </summary>
public sealed partial class CommunityMembership(ICommunityMemberStore members, TimeProvider time, ILogger<CommunityMembership> logger)
{
    public static readonly TimeSpan RefreshEvery = TimeSpan.FromMinutes(10);

    private const int MaxRemembered = 50_000;
    private readonly ConcurrentDictionary<(string Community, string User), (string Name, DateTimeOffset At)> _recorded = new();

    public async Task NoteAsync(UserIdentity user, ConversationKey conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(conversation);
        if (conversation.CommunityId == ConversationKey.DirectCommunityId)
        {
            return;
        }

        var key = (conversation.CommunityKey, user.Key);
        var now = time.GetUtcNow();
        if (_recorded.TryGetValue(key, out var last) && last.Name == user.DisplayName && now - last.At < RefreshEvery)
        {
            return;
        }

        try
        {
            await members.TouchAsync(user, conversation.CommunityKey, cancellationToken);
        }
        catch (Exception ex) when (StorageFaults.IsTransient(ex) && !cancellationToken.IsCancellationRequested)
        {
            LogNotRecorded(ex, conversation.CommunityKey);
            return;
        }

        if (_recorded.Count >= MaxRemembered)
        {
            _recorded.Clear();
        }

        _recorded[key] = (user.DisplayName, now);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record a member of {Community} for the dashboard's member list")]
    private partial void LogNotRecorded(Exception exception, string community);
}

public static class CommunityMembershipServiceCollectionExtensions
{
    /// <summary>The member store and <see cref="CommunityMembership"/> (TryAdd: every feature that records member data adds them).</summary>
    public static IServiceCollection AddCommunityMembership(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ICommunityMemberStore, CommunityMemberStore>();
        services.TryAddSingleton<CommunityMembership>();
        return services;
    }
}
