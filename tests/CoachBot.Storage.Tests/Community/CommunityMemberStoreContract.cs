using CoachBot.Core.Conversations;
using CoachBot.Storage.Community;
using Microsoft.Extensions.Time.Testing;

namespace CoachBot.Storage.Tests.Community;

public abstract class CommunityMemberStoreContract : StoreContract
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero));

    private CommunityMemberStore Store => new(Database.Contexts, _time);

    [StoreFact]
    public async Task TouchAsync_NewMember_IsStoredWithFirstAndLastSeen()
    {
        var user = new UserIdentity(ChatPlatform.Discord, "123", "Ada");

        var member = await Store.TouchAsync(user, "discord:g1", CancellationToken.None);

        var found = await Store.FindAsync("discord:g1", "discord:123", CancellationToken.None);
        Assert.NotNull(found);
        Assert.Equal(member.Id, found.Id);
        Assert.Equal("discord", found.Platform);
        Assert.Equal("123", found.UserId);
        Assert.Equal("Ada", found.DisplayName);
        Assert.Equal(_time.GetUtcNow(), found.FirstSeenAt);
        Assert.Equal(_time.GetUtcNow(), found.LastSeenAt);
    }

    [StoreFact]
    public async Task TouchAsync_KnownMember_RefreshesNameAndLastSeenOnly()
    {
        var first = _time.GetUtcNow();
        await Store.TouchAsync(new UserIdentity(ChatPlatform.Slack, "U1", "ada"), "slack:T1", CancellationToken.None);
        _time.Advance(TimeSpan.FromHours(3));

        await Store.TouchAsync(new UserIdentity(ChatPlatform.Slack, "U1", "Ada L."), "slack:T1", CancellationToken.None);

        var found = await Store.FindAsync("slack:T1", "slack:U1", CancellationToken.None);
        Assert.NotNull(found);
        Assert.Equal("Ada L.", found.DisplayName);
        Assert.Equal(first, found.FirstSeenAt);
        Assert.Equal(first.AddHours(3), found.LastSeenAt);
    }

    [StoreFact]
    public async Task TouchAsync_NameWithMentions_IsStoredWithoutPingSyntax()
    {
        await Store.TouchAsync(new UserIdentity(ChatPlatform.Discord, "9", "@everyone <@123> <!channel>"), "discord:g1", CancellationToken.None);

        var found = await Store.FindAsync("discord:g1", "discord:9", CancellationToken.None);

        Assert.NotNull(found);
        Assert.DoesNotContain('@', found.DisplayName);
        Assert.DoesNotContain('<', found.DisplayName);
        Assert.Equal("everyone 123 channel", found.DisplayName);
    }

    [StoreFact]
    public async Task DisplayNamesAsync_ReturnsOnlyMembersOfThatCommunity()
    {
        await Store.TouchAsync(new UserIdentity(ChatPlatform.Discord, "1", "One"), "discord:g1", CancellationToken.None);
        await Store.TouchAsync(new UserIdentity(ChatPlatform.Discord, "2", "Two"), "discord:g2", CancellationToken.None);

        var names = await Store.DisplayNamesAsync("discord:g1", ["discord:1", "discord:2"], CancellationToken.None);

        Assert.Equal(new Dictionary<string, string> { ["discord:1"] = "One" }, names);
    }
}
