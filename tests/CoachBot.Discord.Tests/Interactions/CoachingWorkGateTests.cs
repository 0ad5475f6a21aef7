using CoachBot.Core.Work;

namespace CoachBot.Discord.Tests.Interactions;

public sealed class CoachingWorkGateTests
{
    [Fact]
    public async Task RunAsync_AckPending_StartsTheWorkOnlyOnceItIsSent()
    {
        var acks = new AcknowledgementsFirst(new FakeTimeProvider());
        var gate = new CoachingWorkGate(acks, Options.Create(new DiscordOptions { MaxConcurrentInteractions = 4 }));
        acks.Arrived();
        var started = false;

        var work = gate.RunAsync(() => { started = true; return Task.FromResult(1); }, CancellationToken.None);
        Assert.False(started);

        acks.Acknowledged();
        Assert.Equal(1, await work.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.True(started);
    }

    [Fact]
    public async Task RunAsync_AllSlotsTaken_WaitsForOneToFree()
    {
        var acks = new AcknowledgementsFirst(new FakeTimeProvider());
        var gate = new CoachingWorkGate(acks, Options.Create(new DiscordOptions { MaxConcurrentInteractions = 1 }));
        var release = new TaskCompletionSource<int>();
        var first = gate.RunAsync(() => release.Task, CancellationToken.None);
        var secondStarted = false;

        var second = gate.RunAsync(() => { secondStarted = true; return Task.FromResult(2); }, CancellationToken.None);
        Assert.Equal(0, gate.Available);
        Assert.False(secondStarted);

        release.SetResult(1);
        Assert.Equal(1, await first.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(2, await second.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(1, gate.Available);
    }
}
