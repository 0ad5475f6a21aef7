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
    public void ThreadTracker_KeepsAThreadForADayAfterTheBotsLastPost()
    {
        var clock = new FakeTimeProvider();
        var threads = new SlackThreadTracker(clock);

        threads.Track("C1", "1.0");
        clock.Advance(TimeSpan.FromHours(20));
        threads.Track("C1", "1.0");
        clock.Advance(TimeSpan.FromHours(20));

        Assert.True(threads.IsTracked("C1", "1.0"));
        clock.Advance(TimeSpan.FromHours(5));
        Assert.False(threads.IsTracked("C1", "1.0"));
        Assert.False(threads.IsTracked("C2", "1.0"));
    }
}
