namespace CoachBot.Coaching.Tests.Challenges;

/// <summary>Post → submit → close (moderator sees submissions) → winners (announced) → leaderboard.</summary>
public sealed class ChallengeLifecycleTests : IAsyncLifetime
{
    private readonly ChallengeTestDatabase _database = new();
    private readonly CommandContext _moderator = ChallengeTestBot.Context(ChatPlatform.Discord, "100", isModerator: true);
    private ChallengeTestBot _bot = null!;

    public async Task InitializeAsync() =>
        _bot = await ChallengeTestBot.StartAsync(_database, new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero)));

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        _database.Delete();
    }

    [Fact]
    public async Task PostFromBank_PostsTheFirstBankChallengePublicly_WithItsGuideSources()
    {
        var reply = Assert.Single(await _bot.DispatchAsync(_moderator, "post", ("from", "bank")));

        Assert.Equal(ReplyVisibility.Public, reply.Visibility);
        Assert.Equal("Weekly challenge: Design a rate limiter for a public API", reply.Title);
        Assert.Contains("**Due:** Mon 30 Nov 2026, 10:00 UTC", reply.Text, StringComparison.Ordinal);
        Assert.Contains("/challenge submit", reply.Text, StringComparison.Ordinal);
        Assert.Contains(reply.Sources, s => s.Display == "Core Skills for Backend Engineers › Core Skills › API development and integration");
        Assert.Equal(3, reply.Sources.Count);
    }

    [Fact]
    public async Task PostFromBank_Twice_PostsTheNextUnusedOne_AndClosesThePrevious()
    {
        await _bot.DispatchAsync(_moderator, "post", ("from", "bank"));

        var second = Assert.Single(await _bot.DispatchAsync(_moderator, "post", ("from", "bank")));

        Assert.Equal("Weekly challenge: Model a schema for a lending library", second.Title);
        Assert.Contains("is now closed", second.Footer, StringComparison.Ordinal);
        var latest = await _bot.Store.FindLatestAsync("discord:c1", default);
        Assert.Equal("library-schema", latest!.BankId);
        var closed = await _bot.Store.FindAwaitingWinnersAsync("discord:c1", default);
        Assert.Equal("rate-limiter-design", closed!.BankId);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2020-01-01")]
    [InlineData("400d")]
    public async Task Post_BadDueTime_IsExplainedAndNothingIsPosted(string due)
    {
        var reply = Assert.Single(await _bot.DispatchAsync(_moderator, "post", ("title", "T"), ("brief", "B"), ("due", due)));

        Assert.Equal(ReplyVisibility.Ephemeral, reply.Visibility);
        Assert.Null(await _bot.Store.FindLatestAsync("discord:c1", default));
    }

    [Fact]
    public async Task CloseThenWinners_AnnouncesWinnersByDisplayName_AndUpdatesTheLeaderboard()
    {
        await _bot.DispatchAsync(_moderator, "post", ("title", "Secure a login endpoint"), ("brief", "Harden POST /login."));
        await _bot.DispatchAsync(ChallengeTestBot.Context(ChatPlatform.Discord, "201", false), "submit", ("text", "argon2id + rate limits"));
        await _bot.DispatchAsync(ChallengeTestBot.Context(ChatPlatform.Discord, "202", false), "submit", ("text", "bcrypt and lockout"));

        var closing = await _bot.DispatchAsync(_moderator, "close");
        var winners = Assert.Single(await _bot.DispatchAsync(_moderator, "winners", ("user", "201")));
        var leaderboard = Assert.Single(await _bot.DispatchAsync(_moderator, "leaderboard"));

        Assert.Equal(2, closing.Count);
        Assert.Equal(ReplyVisibility.Public, closing[0].Visibility);
        Assert.Contains("2 submissions", closing[0].Text, StringComparison.Ordinal);
        Assert.Equal(ReplyVisibility.Ephemeral, closing[1].Visibility);
        Assert.Contains("argon2id + rate limits", closing[1].Text, StringComparison.Ordinal);
        Assert.Contains("bcrypt and lockout", closing[1].Text, StringComparison.Ordinal);

        Assert.Equal(ReplyVisibility.Public, winners.Visibility);
        Assert.Contains("**Member 201**", winners.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<@", winners.Text, StringComparison.Ordinal);

        var lines = leaderboard.Text.Split('\n');
        Assert.StartsWith("1. **Member 201**: 1 win · 1 submission", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("2. **Member 202**: 0 wins · 1 submission", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Winners_WhoDidNotSubmit_AreRefusedAndNothingIsAnnounced()
    {
        await _bot.DispatchAsync(_moderator, "post", ("from", "bank"));
        await _bot.DispatchAsync(ChallengeTestBot.Context(ChatPlatform.Discord, "201", false), "submit", ("text", "answer"));
        await _bot.DispatchAsync(_moderator, "close");

        var reply = Assert.Single(await _bot.DispatchAsync(_moderator, "winners", ("user", "201"), ("user2", "999")));

        Assert.Contains("`999`", reply.Text, StringComparison.Ordinal);
        Assert.Contains("Nothing was announced", reply.Text, StringComparison.Ordinal);
        Assert.NotNull(await _bot.Store.FindAwaitingWinnersAsync("discord:c1", default));
    }

    [Fact]
    public async Task Winners_WhileTheChallengeIsOpen_AsksToCloseFirst_AndTwiceIsRefused()
    {
        await _bot.DispatchAsync(_moderator, "post", ("from", "bank"));
        await _bot.DispatchAsync(ChallengeTestBot.Context(ChatPlatform.Discord, "201", false), "submit", ("text", "answer"));

        var early = Assert.Single(await _bot.DispatchAsync(_moderator, "winners", ("user", "201")));
        await _bot.DispatchAsync(_moderator, "close");
        await _bot.DispatchAsync(_moderator, "winners", ("user", "201"));
        var again = Assert.Single(await _bot.DispatchAsync(_moderator, "winners", ("user", "201")));

        Assert.Contains("Close the open challenge first", early.Text, StringComparison.Ordinal);
        Assert.Contains("no closed challenge waiting", again.Text, StringComparison.Ordinal);
        Assert.Equal(1, Assert.Single(await _bot.Store.LeaderboardAsync("discord:c1", 10, default)).Wins);
    }

    [Fact]
    public async Task Winners_MassMention_IsRefused()
    {
        await _bot.DispatchAsync(_moderator, "post", ("from", "bank"));
        await _bot.DispatchAsync(_moderator, "close");

        var reply = Assert.Single(await _bot.DispatchAsync(_moderator, "winners", ("user", "@everyone")));

        Assert.Contains("isn't a member", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schedule_SetsAWeeklyPostInTheChosenChannel_AndOffTurnsItOff()
    {
        var on = Assert.Single(await _bot.DispatchAsync(_moderator, "schedule", ("day", "monday"), ("time", "09:00"), ("timezone", "Europe/Berlin"), ("channel", "555")));
        var schedule = await _bot.Schedules.FindAsync("discord:c1", default);
        var off = Assert.Single(await _bot.DispatchAsync(_moderator, "schedule", ("day", "off")));

        Assert.Contains("every Monday at 09:00 (Europe/Berlin)", on.Text, StringComparison.Ordinal);
        Assert.Contains("Mon 30 Nov 2026, 08:00 UTC", on.Text, StringComparison.Ordinal);
        Assert.Equal("555", schedule!.ChannelId);
        Assert.True(schedule.Enabled);
        Assert.Contains("off", off.Text, StringComparison.Ordinal);
        Assert.False((await _bot.Schedules.FindAsync("discord:c1", default))!.Enabled);
    }

    [Theory]
    [InlineData("someday", "09:00", "UTC", "day of the week")]
    [InlineData("monday", "9am", "UTC", "HH:mm")]
    [InlineData("monday", "09:00", "Mars/Olympus", "time zone")]
    public async Task Schedule_BadInput_IsExplained(string day, string time, string zone, string expected)
    {
        var reply = Assert.Single(await _bot.DispatchAsync(_moderator, "schedule", ("day", day), ("time", time), ("timezone", zone)));

        Assert.Contains(expected, reply.Text, StringComparison.Ordinal);
        Assert.Null(await _bot.Schedules.FindAsync("discord:c1", default));
    }
}
