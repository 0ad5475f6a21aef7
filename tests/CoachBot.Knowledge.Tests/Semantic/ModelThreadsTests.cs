using System.Globalization;
using CoachBot.Knowledge.Semantic;

namespace CoachBot.Knowledge.Tests.Semantic;

/// <summary>The model's CPU work runs on dedicated threads below the priority of the rest of the process.</summary>
public sealed class ModelThreadsTests
{
    [Fact]
    public async Task RunAsync_RunsTheWorkOnAModelThreadAndHandsBackItsResult()
    {
        using var threads = new ModelThreads(2);

        var (name, value) = await threads.RunAsync(() => (Thread.CurrentThread.Name, 6 * 7));

        Assert.StartsWith("coachbot-model-", name, StringComparison.Ordinal);
        Assert.Equal(42, value);
    }

    [Fact]
    public async Task RunAsync_CallerIsNotBlocked_ItAwaitsWhileTheWorkRuns()
    {
        using var threads = new ModelThreads(1);
        using var release = new ManualResetEventSlim();

        var running = threads.RunAsync(() => release.Wait(TimeSpan.FromSeconds(30)));

        // The call returned while the work is still held: the caller's thread was not taken.
        Assert.False(running.IsCompleted);
        release.Set();
        Assert.True(await running);
    }

    [Fact]
    public async Task RunAsync_FromAModelThread_RunsInlineInsteadOfWaitingForItself()
    {
        using var threads = new ModelThreads(1);

        // With one thread, queueing the inner call behind the outer one would never finish.
        var (outer, inner) = await threads.RunAsync(() => (Environment.CurrentManagedThreadId, threads.Run(() => Environment.CurrentManagedThreadId)));

        Assert.Equal(outer, inner);
    }

    [Fact]
    public async Task RunAsync_WorkThrows_TheCallerGetsTheExceptionAndTheThreadKeepsServing()
    {
        using var threads = new ModelThreads(1);

        await Assert.ThrowsAsync<InvalidOperationException>(() => threads.RunAsync<int>(() => throw new InvalidOperationException("model failed")));

        Assert.Equal(1, await threads.RunAsync(() => 1));
    }

    [Fact]
    public async Task RunAsync_CancelledBeforeItsTurn_IsCancelledWithoutRunning()
    {
        using var threads = new ModelThreads(1);
        using var release = new ManualResetEventSlim();
        using var cancel = new CancellationTokenSource();
        var blocker = threads.RunAsync(() => release.Wait(TimeSpan.FromSeconds(30)));
        var ran = false;

        var queued = threads.RunAsync(() => ran = true, cancel.Token);
        await cancel.CancelAsync();
        release.Set();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queued);
        Assert.True(await blocker);
        Assert.False(ran);
    }

    [LinuxFact]
    public async Task Threads_OnLinux_RunTenNiceLevelsBelowTheProcess()
    {
        using var threads = new ModelThreads(1);

        var nice = await threads.RunAsync(() => ReadOwnNice());

        Assert.True(threads.Lowered);
        Assert.Equal(Math.Min(19, ReadOwnNice() + 10), nice);
    }

    /// <summary>Field 19 of /proc/thread-self/stat (after the parenthesised command name) is the calling thread's nice value.</summary>
    private static int ReadOwnNice()
    {
        var stat = File.ReadAllText("/proc/thread-self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // fields[0] is field 3 (state), so field 19 is fields[16].
        return int.Parse(fields[16], CultureInfo.InvariantCulture);
    }
}

/// <summary>A fact that needs Linux (/proc, per-thread nice values); skipped elsewhere with that reason.</summary>
public sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "Reads the thread's nice value from /proc (Linux); elsewhere the model threads use ThreadPriority.BelowNormal.";
        }
    }
}
