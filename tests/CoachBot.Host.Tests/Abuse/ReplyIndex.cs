namespace CoachBot.Host.Tests.Abuse;

/// <summary>
/// Follows what a fake received, incrementally, and files every visible reply under the keys it names (interaction
/// tokens, channel ids, response_url ids…), so hundreds of concurrent waits don't each rescan everything.
/// </summary>
public sealed class ReplyIndex<T>(Func<IReadOnlyList<T>> snapshot, Func<T, IEnumerable<string>> visibleKeys)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);
    private readonly Lock _sync = new();
    private readonly Dictionary<string, List<T>> _byKey = new(StringComparer.Ordinal);
    private int _seen;

    /// <summary>The visible replies filed under <paramref name="key"/> so far.</summary>
    public IReadOnlyList<T> For(string key)
    {
        lock (_sync)
        {
            Refresh();
            return _byKey.TryGetValue(key, out var found) ? [.. found] : [];
        }
    }

    /// <summary>How many visible replies are filed under any of <paramref name="keys"/>.</summary>
    public int Count(params string[] keys) => keys.Sum(k => For(k).Count);

    /// <summary>Waits until at least <paramref name="atLeast"/> replies are filed under the keys; false on timeout.</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, int atLeast, params string[] keys)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (Count(keys) < atLeast)
        {
            try
            {
                await Task.Delay(PollInterval, cts.Token);
            }
            catch (OperationCanceledException)
            {
                return Count(keys) >= atLeast;
            }
        }

        return true;
    }

    private void Refresh()
    {
        var all = snapshot();
        for (var i = _seen; i < all.Count; i++)
        {
            foreach (var key in visibleKeys(all[i]).Distinct(StringComparer.Ordinal))
            {
                if (!_byKey.TryGetValue(key, out var list))
                {
                    _byKey[key] = list = [];
                }

                list.Add(all[i]);
            }
        }

        _seen = all.Count;
    }
}
