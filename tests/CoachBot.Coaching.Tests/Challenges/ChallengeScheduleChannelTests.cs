namespace CoachBot.Coaching.Tests.Challenges;

/// <summary><c>/challenge schedule … channel</c> stores only a channel of the invoking community, as the platform reports it.</summary>
public sealed class ChallengeScheduleChannelTests : IAsyncLifetime
{
    private readonly ChallengeTestDatabase _database = new();
    private readonly StubChannelDirectory _discord = new(ChatPlatform.Discord, new Dictionary<string, string>
    {
        ["555"] = "c1",
        ["777"] = "other-guild",
    });

    private readonly CommandContext _moderator = ChallengeTestBot.Context(ChatPlatform.Discord, "100", isModerator: true);
    private ChallengeTestBot _bot = null!;

    public async Task InitializeAsync() =>
        _bot = await ChallengeTestBot.StartAsync(
            _database,
            new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero)),
            seams: seams => seams.ConfigureServices(services => services.AddSingleton<IChannelDirectory>(_discord)));

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        _database.Delete();
    }

    private Task<IReadOnlyList<Reply>> ScheduleAsync(string channel) =>
        _bot.DispatchAsync(_moderator, "schedule", ("day", "monday"), ("time", "09:00"), ("timezone", "UTC"), ("channel", channel));

    [Fact]
    public async Task AChannelOfThisCommunity_IsStored()
    {
        var reply = Assert.Single(await ScheduleAsync("555"));

        Assert.StartsWith("Done:", reply.Text, StringComparison.Ordinal);
        Assert.Equal("555", (await _bot.Schedules.FindAsync("discord:c1", default))!.ChannelId);
    }

    [Theory]
    [InlineData("777", "isn't part of this community")]
    [InlineData("#777", "isn't part of this community")]
    [InlineData("999", "can't see channel")]
    public async Task AChannelOfAnotherCommunityOrNoneVisible_IsRefusedPrivately_AndNothingIsStored(string channel, string expected)
    {
        var reply = Assert.Single(await ScheduleAsync(channel));

        Assert.Equal(ReplyVisibility.Ephemeral, reply.Visibility);
        Assert.Contains(expected, reply.Text, StringComparison.Ordinal);
        Assert.Null(await _bot.Schedules.FindAsync("discord:c1", default));
    }

    [Fact]
    public async Task WhenThePlatformCannotBeAsked_NothingIsStored_AndTheModeratorIsToldToRetry()
    {
        _discord.Forced = ChannelOwnership.Unknown;

        var reply = Assert.Single(await ScheduleAsync("555"));

        Assert.Equal(ReplyVisibility.Ephemeral, reply.Visibility);
        Assert.Contains("try again", reply.Text, StringComparison.Ordinal);
        Assert.Null(await _bot.Schedules.FindAsync("discord:c1", default));
    }

    [Fact]
    public async Task TheChannelTheCommandWasUsedIn_NeedsNoLookup()
    {
        _discord.Forced = ChannelOwnership.Unknown;

        var reply = Assert.Single(await _bot.DispatchAsync(_moderator, "schedule", ("day", "monday"), ("time", "09:00"), ("timezone", "UTC")));

        Assert.StartsWith("Done:", reply.Text, StringComparison.Ordinal);
        Assert.Equal("general", (await _bot.Schedules.FindAsync("discord:c1", default))!.ChannelId);
    }

    [Fact]
    public async Task OnTheTerminal_AnyChannelIsAccepted()
    {
        var terminal = ChallengeTestBot.Context(ChatPlatform.Terminal, "me", isModerator: true, community: "local");

        var reply = Assert.Single(await _bot.DispatchAsync(terminal, "schedule", ("day", "monday"), ("time", "09:00"), ("timezone", "UTC"), ("channel", "999")));

        Assert.StartsWith("Done:", reply.Text, StringComparison.Ordinal);
    }
}
