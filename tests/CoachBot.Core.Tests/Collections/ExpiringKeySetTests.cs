using CoachBot.Core.Collections;
using Microsoft.Extensions.Time.Testing;

namespace CoachBot.Core.Tests.Collections;

public sealed class ExpiringKeySetTests
{
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

    [Fact]
    public void Map_SetReplacesTheValue_AndTryAddKeepsTheFirst()
    {
        var clock = new FakeTimeProvider();
        var map = new ExpiringKeyMap<string>(clock, TimeSpan.FromHours(1), capacity: 10);

        Assert.True(map.TryAdd("thread", "first"));
        Assert.False(map.TryAdd("thread", "second"));
        Assert.True(map.TryGetValue("thread", out var kept));
        Assert.Equal("first", kept);

        map.Set("thread", "third");
        clock.Advance(TimeSpan.FromMinutes(59));
        Assert.True(map.TryGetValue("thread", out var replaced));
        Assert.Equal("third", replaced);
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.False(map.TryGetValue("thread", out _));
    }
}
