using CoachBot.Core.Conversations;
using CoachBot.Storage.Community;
using Microsoft.Extensions.Time.Testing;

namespace CoachBot.Storage.Tests.Community;

/// <summary>Recording community membership from feature paths: at most one write per member and name per ten minutes, never in DMs, never failing the feature.</summary>
public sealed class CommunityMembershipTests
{
    private static readonly ConversationKey Channel = new(ChatPlatform.Discord, "222", "444");
    private static readonly UserIdentity Alice = new(ChatPlatform.Discord, "555", "Alice");

    [Fact]
    public async Task AMemberIsWrittenOnce_ThenAgainAfterTenMinutesOrUnderANewName()
    {
        var store = new CountingStore();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var membership = new CommunityMembership(store, clock, NullLogger<CommunityMembership>.Instance);

        await membership.NoteAsync(Alice, Channel, CancellationToken.None);
        await membership.NoteAsync(Alice, Channel with { ChannelId = "445" }, CancellationToken.None);
        var afterTwo = store.Touches.Count;
        await membership.NoteAsync(Alice with { DisplayName = "Alice B" }, Channel, CancellationToken.None);
        clock.Advance(CommunityMembership.RefreshEvery);
        await membership.NoteAsync(Alice with { DisplayName = "Alice B" }, Channel, CancellationToken.None);

        Assert.Equal(1, afterTwo);
        Assert.Equal(3, store.Touches.Count);
        Assert.All(store.Touches, t => Assert.Equal("discord:222", t));
    }

    [Fact]
    public async Task DirectMessages_AreNoCommunity_AndNotRecorded()
    {
        var store = new CountingStore();
        var membership = new CommunityMembership(store, TimeProvider.System, NullLogger<CommunityMembership>.Instance);

        await membership.NoteAsync(Alice, new ConversationKey(ChatPlatform.Discord, ConversationKey.DirectCommunityId, "777"), CancellationToken.None);

        Assert.Empty(store.Touches);
    }

    [Fact]
    public async Task ABusyDatabase_IsLoggedNotThrown_AndTriedAgainNextTime()
    {
        var store = new CountingStore { FailNext = true };
        var membership = new CommunityMembership(store, TimeProvider.System, NullLogger<CommunityMembership>.Instance);

        await membership.NoteAsync(Alice, Channel, CancellationToken.None);
        await membership.NoteAsync(Alice, Channel, CancellationToken.None);

        Assert.Single(store.Touches);
    }

    private sealed class CountingStore : ICommunityMemberStore
    {
        public List<string> Touches { get; } = [];

        public bool FailNext { get; set; }

        public Task<CommunityMember> TouchAsync(UserIdentity user, string communityKey, CancellationToken cancellationToken)
        {
            if (FailNext)
            {
                FailNext = false;
                throw new TimeoutException("database busy");
            }

            Touches.Add(communityKey);
            return Task.FromResult(new CommunityMember { CommunityKey = communityKey, UserKey = user.Key, DisplayName = user.DisplayName });
        }

        public Task<CommunityMember?> FindAsync(string communityKey, string userKey, CancellationToken cancellationToken) => Task.FromResult<CommunityMember?>(null);

        public Task<IReadOnlyDictionary<string, string>> DisplayNamesAsync(string communityKey, IReadOnlyCollection<string> userKeys, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>());
    }
}
