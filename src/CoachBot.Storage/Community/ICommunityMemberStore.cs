using CoachBot.Core.Conversations;

namespace CoachBot.Storage.Community;

/// <summary>Who has talked to the coach in which community, with the display name to show (never a mention).</summary>
public interface ICommunityMemberStore
{
    /// <summary>Records that <paramref name="user"/> was seen in <paramref name="communityKey"/> now (insert or refresh name and time).</summary>
    Task<CommunityMember> TouchAsync(UserIdentity user, string communityKey, CancellationToken cancellationToken);

    Task<CommunityMember?> FindAsync(string communityKey, string userKey, CancellationToken cancellationToken);

    /// <summary>Display names of the given users in a community, keyed by user key (missing users are left out).</summary>
    Task<IReadOnlyDictionary<string, string>> DisplayNamesAsync(string communityKey, IReadOnlyCollection<string> userKeys, CancellationToken cancellationToken);
}
