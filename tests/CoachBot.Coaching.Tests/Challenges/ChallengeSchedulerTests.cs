namespace CoachBot.Coaching.Tests.Challenges;

public sealed class ChallengeSchedulerTests : IDisposable
{
    private const string Community = "discord:c1";
    private readonly ChallengeTestDatabase _database = new();

    public void Dispose() => _database.Delete();

    [Fact]
    public async Task Schedule_AcrossAWeekBoundary_PostsOncePerWeek_ClosingThePreviousAndRemindingADayBeforeDue()
    {
        await using var bot = await ChallengeTestBot.StartAsync(_database, new FakeTimeProvider(Utc(2026, 11, 22, 20)));
        await bot.SetScheduleAsync(ChatPlatform.Discord, DayOfWeek.Monday, 9, 0, "Europe/Berlin");

        await bot.TickAtAsync(Utc(2026, 11, 22, 23, 59));
        await bot.TickAtAsync(Utc(2026, 11, 23, 7, 59));
        Assert.Empty(bot.Discord.Posts);

        await bot.TickAtAsync(Utc(2026, 11, 23, 8));
        await bot.TickAtAsync(Utc(2026, 11, 23, 8, 1));
        await bot.TickAtAsync(Utc(2026, 11, 27, 12));
        var first = Assert.Single(bot.Discord.Posts);
        Assert.Equal(new ConversationKey(ChatPlatform.Discord, "c1", "challenges"), first.Channel);
        Assert.Equal(Utc(2026, 11, 23, 8), first.At);
        Assert.Equal("Weekly challenge: Design a rate limiter for a public API", first.Reply.Title);
        var open = await bot.Store.FindOpenAsync(Community, default);
        Assert.Equal(Utc(2026, 11, 30, 8), open!.DueAt);
        Assert.Equal("msg-1", open.MessageId);
        var audit = Assert.Single(await bot.Audit.ListAsync(Community, 10, default));
        Assert.Equal(("challenge.post.scheduled", ChallengeModeration.SchedulerActor), (audit.Action, audit.ActorKey));
        Assert.Contains("week=2026-W48", audit.Details, StringComparison.Ordinal);

        await bot.TickAtAsync(Utc(2026, 11, 29, 7, 59));
        Assert.Single(bot.Discord.Posts);
        await bot.TickAtAsync(Utc(2026, 11, 29, 8));
        await bot.TickAtAsync(Utc(2026, 11, 29, 9));
        Assert.Equal(2, bot.Discord.Posts.Count);
        Assert.Equal("Reminder: Design a rate limiter for a public API", bot.Discord.Posts.Last().Reply.Title);

        await bot.TickAtAsync(Utc(2026, 11, 30, 8));
        await bot.TickAtAsync(Utc(2026, 11, 30, 8, 1));
        Assert.Equal(3, bot.Discord.Posts.Count);
        var second = bot.Discord.Posts.Last();
        Assert.Equal("Weekly challenge: Model a schema for a lending library", second.Reply.Title);
        Assert.Contains("“Design a rate limiter for a public API”, is now closed", second.Reply.Footer, StringComparison.Ordinal);
        Assert.Equal("library-schema", (await bot.Store.FindOpenAsync(Community, default))!.BankId);
        Assert.Equal("rate-limiter-design", (await bot.Store.FindAwaitingWinnersAsync(Community, default))!.BankId);
    }

    [Fact]
    public async Task Schedule_AcrossSpringForward_PostsAtNineLocalBothWeeks()
    {
        await using var bot = await ChallengeTestBot.StartAsync(_database, new FakeTimeProvider(Utc(2026, 3, 22, 12)));
        await bot.SetScheduleAsync(ChatPlatform.Discord, DayOfWeek.Monday, 9, 0, "Europe/Berlin");

        await TickHourlyAsync(bot, Utc(2026, 3, 23), Utc(2026, 3, 30, 12));

        var posts = bot.Discord.Posts.Where(p => p.Reply.Title!.StartsWith("Weekly challenge", StringComparison.Ordinal)).Select(p => p.At);
        Assert.Equal([Utc(2026, 3, 23, 8), Utc(2026, 3, 30, 7)], posts);
    }

    [Fact]
    public async Task Schedule_AcrossFallBack_PostsAtNineLocalBothWeeks()
    {
        await using var bot = await ChallengeTestBot.StartAsync(_database, new FakeTimeProvider(Utc(2026, 10, 18, 12)));
        await bot.SetScheduleAsync(ChatPlatform.Discord, DayOfWeek.Monday, 9, 0, "Europe/Berlin");

        await TickHourlyAsync(bot, Utc(2026, 10, 19), Utc(2026, 10, 26, 12));

        var posts = bot.Discord.Posts.Where(p => p.Reply.Title!.StartsWith("Weekly challenge", StringComparison.Ordinal)).Select(p => p.At);
        Assert.Equal([Utc(2026, 10, 19, 7), Utc(2026, 10, 26, 8)], posts);
    }

    [Fact]
    public async Task TwoSchedulerInstancesOnOneDatabase_PostEachSlotExactlyOnce()
    {
        var time = new FakeTimeProvider(Utc(2026, 11, 22, 20));
        await using var first = await ChallengeTestBot.StartAsync(_database, time);
        await using var second = await ChallengeTestBot.StartAsync(_database, time);
        foreach (var community in new[] { "c1", "c2", "c3" })
        {
            await first.SetScheduleAsync(ChatPlatform.Discord, DayOfWeek.Monday, 9, 0, "Europe/Berlin", community);
        }

        foreach (var now in new[] { Utc(2026, 11, 23, 8), Utc(2026, 11, 23, 8, 1), Utc(2026, 11, 30, 8), Utc(2026, 11, 30, 9) })
        {
            time.SetUtcNow(now);
            for (var round = 0; round < 3; round++)
            {
                await Task.WhenAll(Task.Run(first.TickAsync), Task.Run(second.TickAsync));
            }
        }

        var challengePosts = first.Discord.Posts.Concat(second.Discord.Posts)
            .Where(p => p.Reply.Title!.StartsWith("Weekly challenge", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(6, challengePosts.Count);
        Assert.All(challengePosts.GroupBy(p => (p.Channel.CommunityId, p.At)), g => Assert.Single(g));
        Assert.Equal(6, await CountAsync<ChallengeSlotClaim>(first, c => c.Status == SlotClaimStatus.Posted));
        Assert.Equal(6, await CountAsync<Challenge>(first, _ => true));
    }

    [Fact]
    public async Task RestartInTheMiddleOfTheWeek_DoesNotPostAgain()
    {
        var time = new FakeTimeProvider(Utc(2026, 11, 22, 20));
        await using (var before = await ChallengeTestBot.StartAsync(_database, time))
        {
            await before.SetScheduleAsync(ChatPlatform.Discord, DayOfWeek.Monday, 9, 0, "Europe/Berlin");
            await before.TickAtAsync(Utc(2026, 11, 23, 8, 0, 30));
            Assert.Single(before.Discord.Posts);
        }

        await using var after = await ChallengeTestBot.StartAsync(_database, time);
        var scheduler = after.Services.GetRequiredService<ChallengeScheduler>();
        time.SetUtcNow(Utc(2026, 11, 25, 12));
        await scheduler.StartAsync(default);
        await scheduler.FirstTick;
        await after.TickAtAsync(Utc(2026, 11, 26, 12));
        await scheduler.StopAsync(default);

        Assert.Empty(after.Discord.Posts);
        Assert.Equal(1, await CountAsync<Challenge>(after, _ => true));
    }

    [Fact]
    public async Task MissedSlotWhileDown_IsPostedOnceAtStartUp_AndOnlyTheLatestAfterWeeksDown()
    {
        var time = new FakeTimeProvider(Utc(2026, 11, 1, 20));
        await using (var before = await ChallengeTestBot.StartAsync(_database, time))
        {
            await before.SetScheduleAsync(ChatPlatform.Discord, DayOfWeek.Monday, 9, 0, "Europe/Berlin");
        }

        // Down over three Monday slots (9, 16 and 23 November); back on Tuesday 24 November.
        time.SetUtcNow(Utc(2026, 11, 24, 10));
        await using var after = await ChallengeTestBot.StartAsync(_database, time, new Dictionary<string, string?> { ["Challenges:TickInterval"] = "00:01:00" });
        var scheduler = after.Services.GetRequiredService<ChallengeScheduler>();
        await scheduler.StartAsync(default);
        await scheduler.FirstTick;
        await after.Discord.WaitForPostsAsync(1);

        // Periodic ticks on the fake clock keep running and must not replay anything.
        for (var i = 0; i < 5; i++)
        {
            time.Advance(TimeSpan.FromMinutes(1));
        }

        await after.TickAsync();
        await scheduler.StopAsync(default);

        var post = Assert.Single(after.Discord.Posts);
        Assert.Equal(Utc(2026, 11, 24, 10), post.At);
        var claim = Assert.Single(await ListAsync<ChallengeSlotClaim>(after));
        Assert.Equal("2026-W48", claim.WeekKey);
        Assert.Equal(Utc(2026, 11, 23, 8), claim.SlotAt);
        Assert.Equal(Utc(2026, 11, 30, 8), (await after.Store.FindOpenAsync(Community, default))!.DueAt);
    }

    [Fact]
    public async Task Scheduler_PeriodicTick_PostsWhenTheSlotComes()
    {
        var time = new FakeTimeProvider(Utc(2026, 11, 23, 7, 58));
        await using var bot = await ChallengeTestBot.StartAsync(_database, time, new Dictionary<string, string?> { ["Challenges:TickInterval"] = "00:01:00" });
        await bot.SetScheduleAsync(ChatPlatform.Discord, DayOfWeek.Monday, 9, 0, "Europe/Berlin");
        var scheduler = bot.Services.GetRequiredService<ChallengeScheduler>();
        await scheduler.StartAsync(default);
        await scheduler.FirstTick;
        Assert.Empty(bot.Discord.Posts);

        time.Advance(TimeSpan.FromMinutes(1));
        time.Advance(TimeSpan.FromMinutes(1));
        await bot.Discord.WaitForPostsAsync(1);
        await scheduler.StopAsync(default);

        Assert.Equal(Utc(2026, 11, 23, 8), Assert.Single(bot.Discord.Posts).At);
    }

    [Fact]
    public async Task PostFailure_IsRecorded_AndRetriedOnceOnTheNextTick()
    {
        await using var bot = await ChallengeTestBot.StartAsync(_database, new FakeTimeProvider(Utc(2026, 11, 22, 20)));
        await bot.SetScheduleAsync(ChatPlatform.Discord, DayOfWeek.Monday, 9, 0, "Europe/Berlin");
        bot.Discord.FailOn = call => call == 1 ? new HttpRequestException("Discord is down") : null;

        await bot.TickAtAsync(Utc(2026, 11, 23, 8));
        var failed = Assert.Single(await ListAsync<ChallengeSlotClaim>(bot));
        Assert.Equal(SlotClaimStatus.Failed, failed.Status);
        Assert.Contains("Discord is down", failed.LastError, StringComparison.Ordinal);
        Assert.Null(await bot.Store.FindOpenAsync(Community, default));

        await bot.TickAtAsync(Utc(2026, 11, 23, 8, 1));
        await bot.TickAtAsync(Utc(2026, 11, 23, 8, 2));

        Assert.Single(bot.Discord.Posts);
        var posted = Assert.Single(await ListAsync<ChallengeSlotClaim>(bot));
        Assert.Equal(SlotClaimStatus.Posted, posted.Status);
        Assert.Equal(2, posted.Attempts);
        Assert.NotNull(posted.ChallengeId);
    }

    [Fact]
    public async Task PostFailingTwice_IsAbandonedForTheWeek_WithoutFurtherAttempts()
    {
        await using var bot = await ChallengeTestBot.StartAsync(_database, new FakeTimeProvider(Utc(2026, 11, 22, 20)));
        await bot.SetScheduleAsync(ChatPlatform.Discord, DayOfWeek.Monday, 9, 0, "Europe/Berlin");
        bot.Discord.FailOn = _ => new HttpRequestException("Discord is down");

        await bot.TickAtAsync(Utc(2026, 11, 23, 8));
        await bot.TickAtAsync(Utc(2026, 11, 23, 8, 1));
        await bot.TickAtAsync(Utc(2026, 11, 23, 8, 2));
        await bot.TickAtAsync(Utc(2026, 11, 24, 8));

        Assert.Equal(2, bot.Discord.Calls);
        Assert.Equal(SlotClaimStatus.Abandoned, Assert.Single(await ListAsync<ChallengeSlotClaim>(bot)).Status);
    }

    [Fact]
    public async Task ClaimLeftBehindByACrashedProcess_IsAbandonedNotReposted()
    {
        var time = new FakeTimeProvider(Utc(2026, 11, 22, 20));
        await using var bot = await ChallengeTestBot.StartAsync(_database, time);
        await bot.SetScheduleAsync(ChatPlatform.Discord, DayOfWeek.Monday, 9, 0, "Europe/Berlin");
        await bot.Schedules.TryClaimAsync(
            new ChallengeSlotClaim
            {
                CommunityKey = Community, WeekKey = "2026-W48", SlotAt = Utc(2026, 11, 23, 8), ClaimedBy = "crashed",
                ClaimedAt = Utc(2026, 11, 23, 8), Status = SlotClaimStatus.Claimed, Attempts = 1,
            },
            default);

        await bot.TickAtAsync(Utc(2026, 11, 23, 8, 5));
        Assert.Equal(SlotClaimStatus.Claimed, Assert.Single(await ListAsync<ChallengeSlotClaim>(bot)).Status);
        await bot.TickAtAsync(Utc(2026, 11, 23, 8, 30));

        Assert.Empty(bot.Discord.Posts);
        Assert.Equal(SlotClaimStatus.Abandoned, Assert.Single(await ListAsync<ChallengeSlotClaim>(bot)).Status);
    }

    [Fact]
    public async Task ScheduleForAPlatformThisProcessDoesNotServe_IsLeftForAnotherProcess()
    {
        var time = new FakeTimeProvider(Utc(2026, 11, 22, 20));
        await using var bot = await ChallengeTestBot.StartAsync(_database, time);
        await bot.SetScheduleAsync(ChatPlatform.Slack, DayOfWeek.Monday, 9, 0, "UTC");
        var servesOnlyDiscord = new Core.Outbound.ChannelMessengers([bot.Discord]);
        var runner = ActivatorUtilities.CreateInstance<ChallengeScheduleRunner>(bot.Services, servesOnlyDiscord);

        time.SetUtcNow(Utc(2026, 11, 23, 9));
        await runner.RunOnceAsync(default);

        Assert.Empty(await ListAsync<ChallengeSlotClaim>(bot));
        await bot.TickAsync();
        Assert.Single(bot.Slack.Posts);
    }

    private static async Task TickHourlyAsync(ChallengeTestBot bot, DateTimeOffset from, DateTimeOffset to)
    {
        for (var now = from; now <= to; now = now.AddHours(1))
        {
            await bot.TickAtAsync(now);
        }
    }

    private static async Task<List<T>> ListAsync<T>(ChallengeTestBot bot)
        where T : class
    {
        await using var db = await bot.Services.GetRequiredService<IDbContextFactory<CoachBotDbContext>>().CreateDbContextAsync();
        return await db.Set<T>().AsNoTracking().ToListAsync();
    }

    private static async Task<int> CountAsync<T>(ChallengeTestBot bot, System.Linq.Expressions.Expression<Func<T, bool>> predicate)
        where T : class
    {
        await using var db = await bot.Services.GetRequiredService<IDbContextFactory<CoachBotDbContext>>().CreateDbContextAsync();
        return await db.Set<T>().CountAsync(predicate);
    }

    private static DateTimeOffset Utc(int year, int month, int day, int hour = 0, int minute = 0, int second = 0) =>
        new(year, month, day, hour, minute, second, TimeSpan.Zero);
}
