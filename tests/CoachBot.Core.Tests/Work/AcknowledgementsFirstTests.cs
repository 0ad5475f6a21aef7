using CoachBot.Core.Work;
using Microsoft.Extensions.Time.Testing;

namespace CoachBot.Core.Tests.Work;

public sealed class AcknowledgementsFirstTests
{
    [Fact]
    public void WhenDrained_NothingPending_CompletesAtOnce()
    {
        var priority = new AcknowledgementsFirst(new FakeTimeProvider());

        Assert.True(priority.WhenDrainedAsync(CancellationToken.None).IsCompleted);
    }

    [Fact]
    public async Task WhenDrained_AcksPending_WaitsUntilTheLastIsSent()
    {
        var priority = new AcknowledgementsFirst(new FakeTimeProvider());
        priority.Arrived();
        priority.Arrived();

        var work = priority.WhenDrainedAsync(CancellationToken.None);
        priority.Acknowledged();
        Assert.False(work.IsCompleted);
        Assert.Equal(1, priority.Pending);

        priority.Acknowledged();
        await work.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, priority.Pending);
    }

    [Fact]
    public async Task WhenDrained_AcksNeverDrain_GoesAheadAfterTheBound()
    {
        var clock = new FakeTimeProvider();
        var priority = new AcknowledgementsFirst(clock);
        priority.Arrived();

        var work = priority.WhenDrainedAsync(CancellationToken.None);
        clock.Advance(AcknowledgementsFirst.MaxWait - TimeSpan.FromMilliseconds(1));
        Assert.False(work.IsCompleted);

        clock.Advance(TimeSpan.FromMilliseconds(1));
        await work.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, priority.Pending);
    }

    [Fact]
    public void Acknowledged_MoreThanArrived_NeverGoesNegative()
    {
        var priority = new AcknowledgementsFirst(new FakeTimeProvider());
        priority.Acknowledged();
        priority.Arrived();

        Assert.Equal(1, priority.Pending);
        Assert.False(priority.WhenDrainedAsync(CancellationToken.None).IsCompleted);
    }
}
