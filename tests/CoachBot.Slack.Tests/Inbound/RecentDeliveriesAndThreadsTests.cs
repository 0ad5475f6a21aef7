using CoachBot.Core.Limits;

namespace CoachBot.Slack.Tests.Inbound;

public sealed class RecentDeliveriesAndThreadsTests
{
    [Fact]
    public void Deduplicator_ReportsRepeatsWithinTheWindow_AndForgetsThemAfter()
    {
        var clock = new FakeTimeProvider();
        var dedupe = new SlackDeliveryDeduplicator(clock);

        Assert.True(dedupe.IsFirstDelivery("Event:Ev1"));
        Assert.False(dedupe.IsFirstDelivery("Event:Ev1"));
        clock.Advance(TimeSpan.FromMinutes(16));
        Assert.True(dedupe.IsFirstDelivery("Event:Ev1"));
        Assert.True(dedupe.IsFirstDelivery(null));
    }

    [Fact]
    public async Task ThreadTracker_FollowsAThreadUntilTheEndOfTheUtcDayAfterTheBotsLastPost()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
        var threads = new SlackThreadTracker(new InProcessWindowCounters(), clock);

        await threads.TrackAsync("C1", "1.0", CancellationToken.None);
        clock.Advance(TimeSpan.FromHours(20));
        await threads.TrackAsync("C1", "1.0", CancellationToken.None); // 04:00 the next day
        clock.Advance(TimeSpan.FromHours(43));

        Assert.True(await threads.IsTrackedAsync("C1", "1.0", CancellationToken.None)); // 23:00 the day after
        clock.Advance(TimeSpan.FromHours(2));
        Assert.False(await threads.IsTrackedAsync("C1", "1.0", CancellationToken.None));
        Assert.False(await threads.IsTrackedAsync("C2", "1.0", CancellationToken.None));
    }

    [Fact]
    public async Task ThreadTracker_AThreadAnotherProcessPostedIn_IsFollowedThroughTheSharedCounters()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
        var shared = new InProcessWindowCounters(); // stands for usage_counters in PostgreSQL
        var postedHere = new SlackThreadTracker(shared, clock);
        var otherProcess = new SlackThreadTracker(shared, clock);

        await postedHere.TrackAsync("C1", "1.0", CancellationToken.None);

        Assert.True(await otherProcess.IsTrackedAsync("C1", "1.0", CancellationToken.None));
        Assert.False(await new SlackThreadTracker(new InProcessWindowCounters(), clock).IsTrackedAsync("C1", "1.0", CancellationToken.None));
    }
}
