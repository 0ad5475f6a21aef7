namespace CoachBot.Slack.Tests.Inbound;

public sealed class ExpiringKeySetTests
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
    public void Capacity_EvictsTheOldestKeysFirst()
    {
        var set = new ExpiringKeySet(new FakeTimeProvider(), TimeSpan.FromHours(1), capacity: 2);

        set.TryAdd("a");
        set.TryAdd("b");
        set.TryAdd("c");

        Assert.False(set.Contains("a"));
        Assert.True(set.Contains("b"));
        Assert.True(set.Contains("c"));
        Assert.Equal(2, set.Count);
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

    [Fact]
    public void Touch_OfAnExistingKey_KeepsOneOrderEntryPerKey()
    {
        var clock = new FakeTimeProvider();
        var set = new ExpiringKeySet(clock, TimeSpan.FromHours(1), capacity: 1000);

        for (var i = 0; i < 10_000; i++)
        {
            set.Touch("thread-" + (i % 3));
            clock.Advance(TimeSpan.FromMilliseconds(1));
        }

        Assert.Equal(3, set.Count);
        Assert.Equal(3, set.OrderEntries);
    }

    [Fact]
    public void Touch_ExtendsTheKeysLife_AndTheOtherKeysStillExpireOnTime()
    {
        var clock = new FakeTimeProvider();
        var set = new ExpiringKeySet(clock, TimeSpan.FromHours(1), capacity: 10);
        set.Touch("kept");
        set.Touch("left");

        clock.Advance(TimeSpan.FromMinutes(50));
        set.Touch("kept");
        clock.Advance(TimeSpan.FromMinutes(20));

        Assert.True(set.Contains("kept"));
        Assert.False(set.Contains("left"));
        Assert.False(set.TryAdd("kept"));
        Assert.True(set.TryAdd("left"));
        Assert.Equal(2, set.OrderEntries);
    }

    [Fact]
    public void Capacity_AfterTouches_EvictsTheLeastRecentlyTouchedKey()
    {
        var clock = new FakeTimeProvider();
        var set = new ExpiringKeySet(clock, TimeSpan.FromHours(1), capacity: 2);
        set.Touch("a");
        set.Touch("b");
        set.Touch("a");

        set.Touch("c");

        Assert.True(set.Contains("a"));
        Assert.False(set.Contains("b"));
        Assert.True(set.Contains("c"));
        Assert.Equal(2, set.OrderEntries);
    }
}
