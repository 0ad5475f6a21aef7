using CoachBot.Core.Work;
using CoachBot.Testing.Clock;

namespace CoachBot.Core.Tests.Work;

public sealed class WorkGateTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task StepOut_WhileTheWaitRuns_OtherWorkGetsTheSlot()
    {
        var gate = new WorkGate(1);
        var model = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var asking = gate.RunAsync(() => WorkSlot.StepOutAsync(() => model.Task, CancellationToken.None), CancellationToken.None);

        var other = await gate.RunAsync(() => Task.FromResult("rendered"), CancellationToken.None).WaitAsync(Guard);

        Assert.Equal("rendered", other);
        Assert.False(asking.IsCompleted);
        model.SetResult("answer");
        Assert.Equal("answer", await asking.WaitAsync(Guard));
        Assert.Equal(1, gate.Available);
    }

    [Fact]
    public async Task StepOut_ComingBack_GoesBeforeWorkNotYetStarted()
    {
        var gate = new WorkGate(1);
        var order = new List<string>();
        var model = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var holder = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var asking = gate.RunAsync(async () =>
        {
            var value = await WorkSlot.StepOutAsync(() => model.Task, CancellationToken.None);
            lock (order) { order.Add("returned"); }
            return value;
        }, CancellationToken.None);
        var holding = gate.RunAsync(() => holder.Task, CancellationToken.None);
        model.SetResult(1);
        // The model answered while the slot was taken: the asker now waits to come back in.
        await Condition.WaitUntilAsync(() => gate.Returning == 1, Guard);
        var newcomer = gate.RunAsync(() => { lock (order) { order.Add("new"); } return Task.FromResult(3); }, CancellationToken.None);
        Assert.Empty(order);

        holder.SetResult(2);
        await Task.WhenAll(asking, holding, newcomer).WaitAsync(Guard);

        Assert.Equal(["returned", "new"], order);
        Assert.Equal(1, gate.Available);
    }

    [Fact]
    public async Task StepOut_OutsideAnyGate_JustRunsTheWait()
    {
        Assert.Null(WorkSlot.Current);

        var value = await WorkSlot.StepOutAsync(() => Task.FromResult(7), CancellationToken.None);

        Assert.Equal(7, value);
    }

    [Fact]
    public async Task RunAsync_TheSlotIsCurrentInsideTheWorkOnly()
    {
        var gate = new WorkGate(2);

        var inside = await gate.RunAsync(async () =>
        {
            await Task.Yield();
            return WorkSlot.Current is { IsHeld: true };
        }, CancellationToken.None);

        Assert.True(inside);
        Assert.Null(WorkSlot.Current);
        Assert.Equal(2, gate.Available);
    }

    [Fact]
    public async Task Enter_CancelledWhileWaiting_LosesNoSlot()
    {
        var gate = new WorkGate(1);
        var holder = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var holding = gate.RunAsync(() => holder.Task, CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var waiting = gate.RunAsync(() => Task.FromResult(0), cancel.Token);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(Guard));
        holder.SetResult(1);
        await holding.WaitAsync(Guard);

        Assert.Equal(1, gate.Available);
        Assert.Equal(5, await gate.RunAsync(() => Task.FromResult(5), CancellationToken.None).WaitAsync(Guard));
    }

    [Fact]
    public async Task StepOut_CancelledWhileComingBack_LosesNoSlot()
    {
        var gate = new WorkGate(1);
        using var cancel = new CancellationTokenSource();
        var model = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var holder = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var asking = gate.RunAsync(() => WorkSlot.StepOutAsync(() => model.Task, cancel.Token), cancel.Token);
        var holding = gate.RunAsync(() => holder.Task, CancellationToken.None);
        model.SetResult(1);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => asking.WaitAsync(Guard));
        holder.SetResult(2);
        await holding.WaitAsync(Guard);

        Assert.Equal(1, gate.Available);
    }
}
