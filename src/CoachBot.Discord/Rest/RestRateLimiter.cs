using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Threading.RateLimiting;

namespace CoachBot.Discord.Rest;

/// <summary>
/// Discord's REST limits, client side: a local global cap (sliding window, default 50/s; interaction routes exempt),
/// per-bucket state learned from X-RateLimit-* headers (one request at a time per bucket, waiting for Reset-After when
/// Remaining is 0), and pauses ordered by 429s (global or per bucket).
/// </summary>
internal sealed class RestRateLimiter : IDisposable
{
    private const int PruneThreshold = 5000;
    private static readonly TimeSpan IdleBucketLifetime = TimeSpan.FromMinutes(20);
    private static readonly TimeSpan PruneInterval = TimeSpan.FromMinutes(1);

    private readonly TimeProvider _time;
    private readonly SlidingWindowRateLimiter _global;
    private readonly ConcurrentDictionary<string, string> _bucketHashByRoute = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RateLimitBucket> _buckets = new(StringComparer.Ordinal);
    private readonly Lock _pauseLock = new();
    private DateTimeOffset _globalPauseUntil;
    private int _bucketsSincePrune;
    private long _nextPruneTimestamp;

    public RestRateLimiter(int maxRequestsPerSecond, TimeProvider time)
    {
        _time = time;
        _global = new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
        {
            PermitLimit = maxRequestsPerSecond,
            Window = TimeSpan.FromSeconds(1),
            SegmentsPerWindow = 10,
            QueueLimit = 100_000,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    /// <summary>Waits until a request on <paramref name="route"/> may go; the caller must call <see cref="Release"/>.</summary>
    public async Task<RateLimitBucket> AcquireAsync(RestRoute route, CancellationToken ct)
    {
        var bucket = BucketFor(route);
        await bucket.Gate.WaitAsync(ct);
        try
        {
            var now = _time.GetUtcNow();
            if (bucket.Remaining is 0 && bucket.ResetAt > now)
            {
                await Task.Delay(bucket.ResetAt - now, _time, ct);
            }

            TimeSpan pause;
            lock (_pauseLock)
            {
                pause = _globalPauseUntil - _time.GetUtcNow();
            }

            if (pause > TimeSpan.Zero)
            {
                await Task.Delay(pause, _time, ct);
            }

            if (!route.ExemptFromGlobalLimit)
            {
                using var lease = await _global.AcquireAsync(1, ct);
                if (!lease.IsAcquired)
                {
                    throw new InvalidOperationException("The local Discord request queue is full.");
                }
            }

            bucket.LastUsed = _time.GetUtcNow();
            return bucket;
        }
        catch
        {
            bucket.Gate.Release();
            throw;
        }
    }

    /// <summary>
    /// Learns the bucket's state from the response headers and, after a 429, the pause it orders; then lets the next
    /// request in the bucket go. Both happen before the release, so a request queued behind a 429 always sees its pause.
    /// </summary>
    public void Release(RestRoute route, RateLimitBucket bucket, HttpResponseHeaders? headers, RateLimitHit? rateLimit = null)
    {
        try
        {
            if (headers is not null)
            {
                var named = bucket;
                if (Header(headers, "X-RateLimit-Bucket") is { Length: > 0 } hash)
                {
                    _bucketHashByRoute[route.Key] = hash;
                    // Keep the state on the bucket the next request will use.
                    named = _buckets.GetOrAdd(BucketKey(hash, route.MajorParameter), _ => bucket);
                    if (!ReferenceEquals(named, bucket))
                    {
                        Apply(named, headers);
                    }
                }

                Apply(bucket, headers);
                if (rateLimit is not null && !ReferenceEquals(named, bucket))
                {
                    OnRateLimited(named, rateLimit.RetryAfter, rateLimit.Global);
                }
            }

            if (rateLimit is not null)
            {
                OnRateLimited(bucket, rateLimit.RetryAfter, rateLimit.Global);
            }
        }
        finally
        {
            bucket.Gate.Release();
            PruneIfLarge();
        }
    }

    /// <summary>A 429: pause the bucket, or everything when Discord says the limit is global.</summary>
    private void OnRateLimited(RateLimitBucket bucket, TimeSpan retryAfter, bool global)
    {
        var until = _time.GetUtcNow() + retryAfter;
        if (global)
        {
            lock (_pauseLock)
            {
                if (until > _globalPauseUntil)
                {
                    _globalPauseUntil = until;
                }
            }

            return;
        }

        bucket.Remaining = 0;
        if (until > bucket.ResetAt)
        {
            bucket.ResetAt = until;
        }
    }

    /// <summary>Requests waiting for the local global cap right now.</summary>
    public long GlobalQueueLength => _global.GetStatistics()?.CurrentQueuedCount ?? 0;

    public void Dispose() => _global.Dispose();

    private static string BucketKey(string hash, string major) => hash + "|" + major;

    private RateLimitBucket BucketFor(RestRoute route)
    {
        var key = _bucketHashByRoute.TryGetValue(route.Key, out var hash)
            ? BucketKey(hash, route.MajorParameter)
            : route.Key + "|" + route.MajorParameter;
        return _buckets.GetOrAdd(key, static (_, limiter) =>
        {
            Interlocked.Increment(ref limiter._bucketsSincePrune);
            return new RateLimitBucket();
        }, this);
    }

    private void Apply(RateLimitBucket bucket, HttpResponseHeaders headers)
    {
        if (Header(headers, "X-RateLimit-Remaining") is { } remainingText
            && int.TryParse(remainingText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var remaining))
        {
            bucket.Remaining = remaining;
        }

        if (Header(headers, "X-RateLimit-Reset-After") is { } resetText
            && double.TryParse(resetText, NumberStyles.Float, CultureInfo.InvariantCulture, out var resetAfter))
        {
            bucket.ResetAt = _time.GetUtcNow() + TimeSpan.FromSeconds(Math.Max(0, resetAfter));
        }
    }

    /// <summary>
    /// Drops buckets idle for <see cref="IdleBucketLifetime"/> once many were created (every interaction token makes
    /// its own), at most once per <see cref="PruneInterval"/>. Cheap on the hot path: one counter read and one clock read;
    /// ConcurrentDictionary.Count takes every lock of the dictionary, and walking it on every request cost more CPU in a
    /// burst than the coaching work.
    /// </summary>
    private void PruneIfLarge()
    {
        if (Volatile.Read(ref _bucketsSincePrune) < PruneThreshold)
        {
            return;
        }

        var now = _time.GetTimestamp();
        var due = Interlocked.Read(ref _nextPruneTimestamp);
        if (now < due || Interlocked.CompareExchange(ref _nextPruneTimestamp, now + (long)(PruneInterval.TotalSeconds * _time.TimestampFrequency), due) != due)
        {
            return;
        }

        var cutoff = _time.GetUtcNow() - IdleBucketLifetime;
        foreach (var (key, bucket) in _buckets)
        {
            if (bucket.LastUsed < cutoff && bucket.Gate.CurrentCount == 1)
            {
                _buckets.TryRemove(key, out _);
            }
        }

        Volatile.Write(ref _bucketsSincePrune, 0);
    }

    internal static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
