using Moq;

namespace CoachBot.Coaching.Tests.Challenges;

public sealed class ChallengePermissionTests : IAsyncLifetime
{
    private readonly ChallengeTestDatabase _database = new();
    private ChallengeTestBot _bot = null!;

    public static TheoryData<ChatPlatform, string> ModeratorSubcommandsOnBothPlatforms()
    {
        var data = new TheoryData<ChatPlatform, string>();
        foreach (var platform in new[] { ChatPlatform.Discord, ChatPlatform.Slack })
        {
            foreach (var subcommand in new[] { "post", "schedule", "close", "winners" })
            {
                data.Add(platform, subcommand);
            }
        }

        return data;
    }

    public async Task InitializeAsync() =>
        _bot = await ChallengeTestBot.StartAsync(_database, new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero)));

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        _database.Delete();
    }

    [Theory]
    [MemberData(nameof(ModeratorSubcommandsOnBothPlatforms))]
    public async Task Dispatcher_NonModerator_IsRefusedPolitelyAndNothingChanges(ChatPlatform platform, string subcommand)
    {
        var member = ChallengeTestBot.Context(platform, "member1", isModerator: false);

        var replies = await _bot.DispatchAsync(member, subcommand, Options(subcommand));

        var reply = Assert.Single(replies);
        Assert.Equal(ReplyVisibility.Ephemeral, reply.Visibility);
        Assert.Contains("only community moderators", reply.Text, StringComparison.Ordinal);
        Assert.Null(await _bot.Store.FindLatestAsync(member.Conversation.CommunityKey, default));
        Assert.Null(await _bot.Schedules.FindAsync(member.Conversation.CommunityKey, default));
    }

    [Theory]
    [MemberData(nameof(ModeratorSubcommandsOnBothPlatforms))]
    public async Task Handler_NonModeratorReachingItDirectly_IsStillRefusedAndTheAttemptAudited(ChatPlatform platform, string subcommand)
    {
        var member = ChallengeTestBot.Context(platform, "member2", isModerator: false);

        var replies = await _bot.HandleDirectlyAsync(member, subcommand, Options(subcommand));

        Assert.Equal(ChallengeModeration.Refusal, Assert.Single(replies).Text);
        Assert.Null(await _bot.Store.FindLatestAsync(member.Conversation.CommunityKey, default));
        var entry = Assert.Single(await _bot.Audit.ListAsync(member.Conversation.CommunityKey, 10, default));
        Assert.Equal($"challenge.{subcommand}.refused", entry.Action);
        Assert.Equal(member.User.Key, entry.ActorKey);
    }

    [Theory]
    [InlineData("post")]
    [InlineData("schedule")]
    [InlineData("close")]
    [InlineData("winners")]
    public async Task Handler_NonModeratorReachingItDirectly_NeitherReadsNorWritesAChallengeOrSchedule(string subcommand)
    {
        var challenges = new Mock<IChallengeStore>(MockBehavior.Strict);
        var schedules = new Mock<IChallengeScheduleStore>(MockBehavior.Strict);
        await using var bot = await ChallengeTestBot.StartAsync(_database, _bot.Time, seams: seams => seams
            .Override(challenges.Object)
            .Override(schedules.Object));
        var member = ChallengeTestBot.Context(ChatPlatform.Discord, "member4", isModerator: false);

        var replies = await bot.HandleDirectlyAsync(member, subcommand, Options(subcommand));

        Assert.Equal(ChallengeModeration.Refusal, Assert.Single(replies).Text);
        challenges.VerifyNoOtherCalls();
        schedules.VerifyNoOtherCalls();
    }

    [Theory]
    [InlineData(ChatPlatform.Discord)]
    [InlineData(ChatPlatform.Slack)]
    public async Task MemberSubcommands_AreOpenToEveryone(ChatPlatform platform)
    {
        var member = ChallengeTestBot.Context(platform, "member3", isModerator: false);

        var current = await _bot.DispatchAsync(member, "current");
        var leaderboard = await _bot.DispatchAsync(member, "leaderboard");

        Assert.Contains("no open challenge", Assert.Single(current).Text, StringComparison.Ordinal);
        Assert.Contains("leaderboard is empty", Assert.Single(leaderboard).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModeratorActions_AreEachWrittenToTheAuditTable()
    {
        var moderator = ChallengeTestBot.Context(ChatPlatform.Discord, "mod", isModerator: true);
        var member = ChallengeTestBot.Context(ChatPlatform.Discord, "ana", isModerator: false);

        await _bot.DispatchAsync(moderator, "post", ("from", "bank"));
        await _bot.DispatchAsync(member, "submit", ("text", "my answer"));
        await _bot.DispatchAsync(moderator, "close");
        await _bot.DispatchAsync(moderator, "winners", ("user", "ana"));
        await _bot.DispatchAsync(moderator, "schedule", ("day", "monday"), ("time", "09:00"), ("timezone", "Europe/Berlin"));
        await _bot.DispatchAsync(moderator, "schedule", ("day", "off"));

        var entries = await _bot.Audit.ListAsync(moderator.Conversation.CommunityKey, 20, default);
        Assert.Equal(
            ["challenge.post", "challenge.close", "challenge.winners", "challenge.schedule", "challenge.schedule.off"],
            entries.Reverse().Select(e => e.Action));
        Assert.All(entries, e =>
        {
            Assert.Equal("discord:mod", e.ActorKey);
            Assert.Equal("discord:c1", e.CommunityKey);
            Assert.Equal(_bot.Time.GetUtcNow(), e.At);
            Assert.False(string.IsNullOrEmpty(e.Details));
        });
    }

    private static (string, string)[] Options(string subcommand) => subcommand switch
    {
        "post" => [("from", "bank")],
        "schedule" => [("day", "monday"), ("time", "09:00"), ("timezone", "UTC")],
        "winners" => [("user", "U1")],
        _ => [],
    };
}
