using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace CoachBot.Knowledge.Semantic;

/// <summary>
/// Dedicated threads (one per core) that run the sentence model, and the searching, judging and composing around it, at
/// a lower scheduling priority than the rest of the process: nice +10 on Linux (a thread's own nice value, which needs
/// no privilege to raise), <see cref="ThreadPriority.BelowNormal"/> elsewhere. That work is most of the bot's CPU under
/// a burst. On the thread pool at normal priority it shared the cores evenly with the paths that must stay quick
/// (reading an event, recording it in the inbox, acknowledging it, gateway heartbeats), so under a 500-event burst the
/// inbox's insert of a batch took 95–118 ms of wall time instead of 10–16 ms and every acknowledgement waited for it
/// (docs/benchmarks.md, "Model work below the acknowledgements"). On these threads the kernel runs those paths as soon as
/// they are runnable, and the model gets every cycle they leave. Request paths await <see cref="RunAsync{T}"/>, so no
/// thread-pool thread is held while the work waits for its turn.
/// </summary>
public sealed class ModelThreads : IDisposable
{
    private const int NiceIncrement = 10;
    private const int MaxNice = 19;

    private readonly BlockingCollection<Action> _work = new(new ConcurrentQueue<Action>());
    private readonly Thread[] _threads;

    private int _lowered;

    [ThreadStatic]
    private static bool t_isModelThread;

    public ModelThreads(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        _threads = new Thread[count];
        for (var i = 0; i < count; i++)
        {
            _threads[i] = new Thread(Run) { IsBackground = true, Name = "coachbot-model-" + i };
            _threads[i].Start();
        }
    }

    /// <summary>The process's model threads: one per core the runtime sees (<see cref="Environment.ProcessorCount"/>).</summary>
    public static ModelThreads Shared { get; } = new(Environment.ProcessorCount);

    /// <summary>Whether every thread runs at the lower priority (false where the platform refused it: those threads run at the normal priority).</summary>
    public bool Lowered => Volatile.Read(ref _lowered) == _threads.Length;

    /// <summary>
    /// Runs <paramref name="work"/> (CPU-bound: the model, and the searching and judging around it) on a model thread; the
    /// caller awaits it without holding a thread. Inline when called from a model thread.
    /// </summary>
    public Task<T> RunAsync<T>(Func<T> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (t_isModelThread)
        {
            return Task.FromResult(work());
        }

        cancellationToken.ThrowIfCancellationRequested();
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _work.Add(() =>
        {
            if (cancellationToken.IsCancellationRequested)
            {
                done.TrySetCanceled(cancellationToken);
                return;
            }

            try
            {
                done.TrySetResult(work());
            }
#pragma warning disable CA1031 // Handed to the caller.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                done.TrySetException(exception);
            }
        }, CancellationToken.None);
        return done.Task;
    }

    /// <summary>
    /// <see cref="RunAsync{T}"/> for a synchronous caller, which waits for it (start-up indexing, evaluation tools). Code
    /// on a request's path awaits <see cref="RunAsync{T}"/> instead, so no thread-pool thread is held while it waits.
    /// </summary>
    public T Run<T>(Func<T> work, CancellationToken cancellationToken = default) =>
        t_isModelThread ? work() : RunAsync(work, cancellationToken).GetAwaiter().GetResult();

    public void Dispose() => _work.CompleteAdding();

    private void Run()
    {
        t_isModelThread = true;
        if (LowerPriority())
        {
            Interlocked.Increment(ref _lowered);
        }

        foreach (var work in _work.GetConsumingEnumerable())
        {
            work();
        }
    }

    private static bool LowerPriority()
    {
        if (OperatingSystem.IsLinux())
        {
            try
            {
                // PRIO_PROCESS with a thread id reads and sets that thread's nice value (Linux); raising it needs no privilege.
                var thread = GetThreadId();
                Marshal.SetLastPInvokeError(0);
                var current = GetPriority(0, thread);
                if (current == -1 && Marshal.GetLastPInvokeError() != 0)
                {
                    return false;
                }

                return SetPriority(0, thread, Math.Min(MaxNice, current + NiceIncrement)) == 0;
            }
            catch (EntryPointNotFoundException)
            {
                return false;
            }
            catch (DllNotFoundException)
            {
                return false;
            }
        }

        Thread.CurrentThread.Priority = ThreadPriority.BelowNormal;
        return true;
    }

    [DllImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static extern int SetPriority(int which, int who, int priority);

    [DllImport("libc", EntryPoint = "getpriority", SetLastError = true)]
    private static extern int GetPriority(int which, int who);

    [DllImport("libc", EntryPoint = "gettid")]
    private static extern int GetThreadId();
}
