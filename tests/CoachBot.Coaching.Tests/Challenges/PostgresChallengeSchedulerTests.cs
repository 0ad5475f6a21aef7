namespace CoachBot.Coaching.Tests.Challenges;

/// <summary>The exactly-once guarantee and the reminder/winner claims on PostgreSQL, with two bot processes on one database.</summary>
public sealed class PostgresChallengeSchedulerTests
{
    [ChallengePostgresFact]
    public async Task TwoSchedulerInstancesOnOnePostgresDatabase_PostEachSlotAndReminderExactlyOnce()
    {
        await using var database = await PostgresChallengeDatabase.CreateAsync();
        var time = new FakeTimeProvider(Utc(2026, 11, 22, 20));
        await using var first = await ChallengeTestBot.StartAsync(database, time);
        await using var second = await ChallengeTestBot.StartAsync(database, time);
        foreach (var community in new[] { "c1", "c2", "c3" })
        {
            await first.SetScheduleAsync(ChatPlatform.Discord, DayOfWeek.Monday, 9, 0, "Europe/Berlin", community);
        }

        foreach (var now in new[] { Utc(2026, 11, 23, 8), Utc(2026, 11, 23, 8, 1), Utc(2026, 11, 29, 8), Utc(2026, 11, 30, 8), Utc(2026, 11, 30, 9) })
        {
            time.SetUtcNow(now);
            for (var round = 0; round < 3; round++)
            {
                await Task.WhenAll(Task.Run(first.TickAsync), Task.Run(second.TickAsync));
            }
        }

        var posts = first.Discord.Posts.Concat(second.Discord.Posts).ToList();
        var challengePosts = posts.Where(p => p.Reply.Title!.StartsWith("Weekly challenge", StringComparison.Ordinal)).ToList();
        var reminders = posts.Where(p => p.Reply.Title!.StartsWith("Reminder", StringComparison.Ordinal)).ToList();
        Assert.Equal(6, challengePosts.Count);
        Assert.All(challengePosts.GroupBy(p => (p.Channel.CommunityId, p.At)), g => Assert.Single(g));
        Assert.Equal(3, reminders.Count);
        Assert.Equal(3, reminders.Select(r => r.Channel.CommunityId).Distinct().Count());
        await using var db = await first.Services.GetRequiredService<IDbContextFactory<CoachBotDbContext>>().CreateDbContextAsync();
        Assert.Equal(6, await db.Set<ChallengeSlotClaim>().CountAsync(c => c.Status == SlotClaimStatus.Posted));
        Assert.Equal(6, await db.Set<Challenge>().CountAsync());
    }

    [ChallengePostgresFact]
    public async Task SubmissionsAndWinners_BehaveTheSameOnPostgres()
    {
        await using var database = await PostgresChallengeDatabase.CreateAsync();
        await using var bot = await ChallengeTestBot.StartAsync(database, new FakeTimeProvider(Utc(2026, 11, 23, 10)));
        var moderator = ChallengeTestBot.Context(ChatPlatform.Slack, "UMOD", isModerator: true);
        var ana = ChallengeTestBot.Context(ChatPlatform.Slack, "UANA", isModerator: false);

        await bot.DispatchAsync(moderator, "post", ("from", "bank"));
        await bot.DispatchAsync(ana, "submit", ("text", "first"));
        var edit = Assert.Single(await bot.DispatchAsync(ana, "submit", ("text", "second")));
        await bot.DispatchAsync(moderator, "close");
        var winners = Assert.Single(await bot.DispatchAsync(moderator, "winners", ("user", "UANA")));
        var again = Assert.Single(await bot.DispatchAsync(moderator, "winners", ("user", "UANA")));

        Assert.Contains("Updated", edit.Text, StringComparison.Ordinal);
        Assert.Contains("Member UANA", winners.Text, StringComparison.Ordinal);
        Assert.Contains("no closed challenge waiting", again.Text, StringComparison.Ordinal);
        var row = Assert.Single(await bot.Store.LeaderboardAsync("slack:c1", 10, default));
        Assert.Equal((1, 1), (row.Wins, row.Submissions));
        Assert.Equal(["challenge.winners", "challenge.close", "challenge.post"], (await bot.Audit.ListAsync("slack:c1", 10, default)).Select(e => e.Action));
    }

    private static DateTimeOffset Utc(int year, int month, int day, int hour = 0, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.Zero);
}
