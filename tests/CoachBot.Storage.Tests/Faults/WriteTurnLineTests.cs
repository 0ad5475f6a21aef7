using CoachBot.Storage.Sqlite;

namespace CoachBot.Storage.Tests.Faults;

/// <summary>The line SQLite writers of one database wait in: one turn, arrival order, the inbox's commit first.</summary>
public sealed class WriteTurnLineTests
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Turns_are_handed_over_in_arrival_order()
    {
        var line = new WriteTurnLine();
        Assert.True(await line.TakeAsync(first: false, Long));
        var second = line.TakeAsync(first: false, Long);
        var third = line.TakeAsync(first: false, Long);

        line.Give();
        Assert.True(await second);
        Assert.False(third.IsCompleted);

        line.Give();
        Assert.True(await third);
    }

    [Fact]
    public async Task A_waiter_at_the_front_goes_before_ordinary_waiters_that_came_earlier()
    {
        var line = new WriteTurnLine();
        Assert.True(await line.TakeAsync(first: false, Long));
        var feature = line.TakeAsync(first: false, Long);
        var inbox = line.TakeAsync(first: true, Long);

        line.Give();
        Assert.True(await inbox);
        Assert.False(feature.IsCompleted);

        line.Give();
        Assert.True(await feature);
    }

    [Fact]
    public async Task A_wait_past_its_limit_gives_up_and_leaves_the_line()
    {
        var line = new WriteTurnLine();
        Assert.True(await line.TakeAsync(first: false, Long));

        Assert.False(await line.TakeAsync(first: false, TimeSpan.FromMilliseconds(50)));
        var next = line.TakeAsync(first: false, Long);
        line.Give();

        Assert.True(await next);
        line.Give();
        Assert.True(await line.TakeAsync(first: false, TimeSpan.FromMilliseconds(50)));
    }
}
