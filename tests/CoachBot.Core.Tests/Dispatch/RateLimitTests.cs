using CoachBot.Core.Conversations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Core.Tests.Dispatch;

public class RateLimitTests
{
    private static ServiceProvider Services(int perUser, int perCommunity)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["RateLimits:PerUserPerMinute"] = perUser.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RateLimits:PerCommunityPerMinute"] = perCommunity.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddCoachCore();
        services.AddSingleton<ICommandHandler>(new RecordingCommand(TestCatalog.Ask));
        return services.BuildServiceProvider();
    }

    private static CommandRequest Ask(ChatPlatform platform, string user, string community = "g1", bool localOperator = false) => new(
        new CommandContext
        {
            User = new UserIdentity(platform, user, user),
            Conversation = new ConversationKey(platform, community, "c1"),
            IsLocalOperator = localOperator,
        },
        "ask",
        null,
        new Dictionary<string, string> { ["question"] = "what is ci?" });

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(12)]
    [InlineData(13)]
    [InlineData(30)]
    [InlineData(1200)]
    [InlineData(100_000)]
    public void Bucket_HoldsAMinutesRequests_AndRefillsExactlyThePerMinuteLimitAMinute(int perMinute)
    {
        var bucket = RequestRateLimiter.Bucket(perMinute);

        var refilledPerMinute = (double)bucket.TokensPerPeriod * TimeSpan.TicksPerMinute / bucket.ReplenishmentPeriod.Ticks;

        Assert.Equal(perMinute, bucket.TokenLimit);
        Assert.Equal(perMinute, refilledPerMinute, precision: 6);
        Assert.InRange(bucket.ReplenishmentPeriod, TimeSpan.FromSeconds(4), TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task DispatchAsync_UserOverTheirLimit_GetsAFriendlySlowDownReply()
    {
        await using var services = Services(perUser: 3, perCommunity: 1000);
        var dispatcher = services.GetRequiredService<CoachDispatcher>();

        var replies = new List<Reply>();
        for (var i = 0; i < 4; i++)
        {
            replies.AddRange(await dispatcher.DispatchAsync(Ask(ChatPlatform.Discord, "u1"), CancellationToken.None));
        }

        Assert.All(replies.Take(3), r => Assert.Equal("ok", r.Text));
        Assert.Contains("going a little fast", replies[3].Text, StringComparison.Ordinal);
        Assert.Equal(ReplyVisibility.Ephemeral, replies[3].Visibility);
    }

    [Fact]
    public async Task DispatchAsync_OneUserAtTheirLimit_DoesNotSlowDownAnother()
    {
        await using var services = Services(perUser: 2, perCommunity: 1000);
        var dispatcher = services.GetRequiredService<CoachDispatcher>();
        for (var i = 0; i < 3; i++)
        {
            await dispatcher.DispatchAsync(Ask(ChatPlatform.Slack, "u1"), CancellationToken.None);
        }

        var other = await dispatcher.DispatchAsync(Ask(ChatPlatform.Slack, "u2"), CancellationToken.None);

        Assert.Equal("ok", Assert.Single(other).Text);
    }

    [Fact]
    public async Task DispatchAsync_CommunityOverItsLimit_RefusesEvenNewUsers()
    {
        await using var services = Services(perUser: 100, perCommunity: 3);
        var dispatcher = services.GetRequiredService<CoachDispatcher>();
        for (var i = 0; i < 3; i++)
        {
            await dispatcher.DispatchAsync(Ask(ChatPlatform.Discord, "user" + i), CancellationToken.None);
        }

        var refused = await dispatcher.DispatchAsync(Ask(ChatPlatform.Discord, "newcomer"), CancellationToken.None);
        var otherCommunity = await dispatcher.DispatchAsync(Ask(ChatPlatform.Discord, "newcomer", community: "g2"), CancellationToken.None);

        Assert.Contains("going a little fast", Assert.Single(refused).Text, StringComparison.Ordinal);
        Assert.Equal("ok", Assert.Single(otherCommunity).Text);
    }

    [Fact]
    public async Task DispatchAsync_LocalOperator_IsNeverRateLimited()
    {
        await using var services = Services(perUser: 1, perCommunity: 1);
        var dispatcher = services.GetRequiredService<CoachDispatcher>();

        var replies = new List<Reply>();
        for (var i = 0; i < 5; i++)
        {
            replies.AddRange(await dispatcher.DispatchAsync(Ask(ChatPlatform.Terminal, "me", localOperator: true), CancellationToken.None));
        }

        Assert.All(replies, r => Assert.Equal("ok", r.Text));
    }

    [Fact]
    public async Task DispatchAsync_PlatformAlone_ExemptsNobody()
    {
        await using var services = Services(perUser: 1, perCommunity: 100);
        var dispatcher = services.GetRequiredService<CoachDispatcher>();

        await dispatcher.DispatchAsync(Ask(ChatPlatform.Terminal, "me"), CancellationToken.None);
        var second = await dispatcher.DispatchAsync(Ask(ChatPlatform.Terminal, "me"), CancellationToken.None);

        Assert.Contains("going a little fast", Assert.Single(second).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DispatchAsync_DiscordDmUserOverTheCommunityLimit_DoesNotSlowDownOtherDmUsers()
    {
        await using var services = Services(perUser: 100, perCommunity: 3);
        var dispatcher = services.GetRequiredService<CoachDispatcher>();
        var dm = ConversationKey.DirectCommunityId;
        for (var i = 0; i < 3; i++)
        {
            await dispatcher.DispatchAsync(Ask(ChatPlatform.Discord, "flooder", community: dm), CancellationToken.None);
        }

        var flooder = await dispatcher.DispatchAsync(Ask(ChatPlatform.Discord, "flooder", community: dm), CancellationToken.None);
        var otherDmUser = await dispatcher.DispatchAsync(Ask(ChatPlatform.Discord, "bystander", community: dm), CancellationToken.None);

        Assert.Contains("going a little fast", Assert.Single(flooder).Text, StringComparison.Ordinal);
        Assert.Equal("ok", Assert.Single(otherDmUser).Text);
    }

    [Theory]
    [InlineData("dm", "discord:42", "discord:dm/discord:42")]
    [InlineData("guild-1", "discord:42", "discord:guild-1")]
    public void QuotaKey_IsTheUsersOwnInADmOutsideAnyCommunity_AndTheCommunityElsewhere(string community, string user, string expected)
    {
        var key = new ConversationKey(ChatPlatform.Discord, community, "c1");

        Assert.Equal(expected, key.QuotaKey(user));
    }
}
