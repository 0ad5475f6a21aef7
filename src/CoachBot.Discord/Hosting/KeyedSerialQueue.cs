using System.Collections.Concurrent;

namespace CoachBot.Discord.Hosting;

/// <summary>
/// Runs work items one after another per key and concurrently across keys, so messages in one channel are answered
/// in the order they were sent while other channels are not held up.
/// </summary>
internal sealed class KeyedSerialQueue
{
    private readonly ConcurrentDictionary<string, Task> _tails = new(StringComparer.Ordinal);

    public Task Enqueue(string key, Func<Task> work)
    {
        while (true)
        {
            var previous = _tails.GetOrAdd(key, Task.CompletedTask);
            var next = RunAfterAsync(previous, work);
            if (_tails.TryUpdate(key, next, previous))
            {
                _ = next.ContinueWith(
                    t => _tails.TryRemove(new KeyValuePair<string, Task>(key, t)),
                    CancellationToken.None,
                    TaskContinuationOptions.ExecuteSynchronously,
                    TaskScheduler.Default);
                return next;
            }
        }
    }

    private static async Task RunAfterAsync(Task previous, Func<Task> work)
    {
        try
        {
            await previous.ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The previous item's failure is reported by its own caller; it must not stop this one.
        catch
#pragma warning restore CA1031
        {
        }

        await Task.Yield();
        await work().ConfigureAwait(false);
    }
}
