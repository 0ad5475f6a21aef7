using CoachBot.Core.Conversations;
using Microsoft.EntityFrameworkCore;

namespace CoachBot.Storage.Community;

public sealed class CommunityMemberStore(IDbContextFactory<CoachBotDbContext> contexts, TimeProvider time) : ICommunityMemberStore
{
    public async Task<CommunityMember> TouchAsync(UserIdentity user, string communityKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentException.ThrowIfNullOrEmpty(communityKey);
        var now = time.GetUtcNow();
        var name = SafeDisplayName.From(user.DisplayName);
        // "Last seen" for the dashboard's member list: nobody is told it is recorded (SqliteDurability).
        using var relaxed = Sqlite.SqliteDurability.Relaxed();
        for (var attempt = 0; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var member = await db.CommunityMembers
                .SingleOrDefaultAsync(m => m.CommunityKey == communityKey && m.UserKey == user.Key, cancellationToken);
            if (member is null)
            {
                member = new CommunityMember
                {
                    Platform = user.Platform.ToString().ToLowerInvariant(),
                    CommunityKey = communityKey,
                    UserId = user.UserId,
                    UserKey = user.Key,
                    DisplayName = name,
                    FirstSeenAt = now,
                    LastSeenAt = now,
                };
                db.CommunityMembers.Add(member);
            }
            else
            {
                member.DisplayName = name;
                member.LastSeenAt = now;
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return member;
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                // Another request inserted the same member between our read and write; read it again and refresh it.
            }
        }
    }

    public async Task<CommunityMember?> FindAsync(string communityKey, string userKey, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.CommunityMembers.AsNoTracking()
            .SingleOrDefaultAsync(m => m.CommunityKey == communityKey && m.UserKey == userKey, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, string>> DisplayNamesAsync(
        string communityKey, IReadOnlyCollection<string> userKeys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userKeys);
        if (userKeys.Count == 0)
        {
            return new Dictionary<string, string>();
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var keys = userKeys.ToList();
        return await db.CommunityMembers.AsNoTracking()
            .Where(m => m.CommunityKey == communityKey && keys.Contains(m.UserKey))
            .ToDictionaryAsync(m => m.UserKey, m => m.DisplayName, StringComparer.Ordinal, cancellationToken);
    }
}
