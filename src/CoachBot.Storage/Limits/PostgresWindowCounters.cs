using CoachBot.Core.Limits;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace CoachBot.Storage.Limits;

/// <summary>
/// <see cref="IWindowCounters"/> in PostgreSQL's <c>usage_counters</c>: one <c>INSERT … ON CONFLICT DO UPDATE …
/// RETURNING</c> statement per call (one round trip, atomic per key; the keys are taken in a fixed order so two calls
/// never wait on each other in a cycle), which also reads the previous window's counts. When the database cannot be
/// reached, counting falls back to this process's memory for <see cref="FallbackPeriod"/> (with a warning): limits
/// then hold per process, and no request waits on a database that is down. The counters keep a pool of their own of at
/// most <see cref="MaxConnections"/> connections: every call is one short statement, and calls on one key queue on its
/// row anyway, so a burst waits a few milliseconds for a connection instead of opening (and authenticating) one per
/// caller, which on a busy machine took past the 3-second budget and tipped the counts into the fallback.
/// </summary>
public sealed partial class PostgresWindowCounters : IWindowCounters, IAsyncDisposable
{
    public static readonly TimeSpan FallbackPeriod = TimeSpan.FromSeconds(30);

    /// <summary>The most connections the counters hold open (a lower <c>Maximum Pool Size</c> in the connection string wins).</summary>
    public const int MaxConnections = 8;

    /// <summary>
    /// The <c>application_name</c> the counters' connections carry (unless the connection string names one), to tell them
    /// apart in <c>pg_stat_activity</c>.
    /// </summary>
    public const string ApplicationName = "coachbot-counters";

    private const string IncrementSql = """
        WITH bumped AS (
            INSERT INTO usage_counters ("Key", "WindowStart", "Count", "ExpiresAt")
            SELECT k, @start, 1, @expires FROM unnest(@keys) AS k ORDER BY k
            ON CONFLICT ("Key", "WindowStart") DO UPDATE SET "Count" = usage_counters."Count" + 1
            RETURNING "Key", "Count")
        SELECT b."Key", b."Count", COALESCE(p."Count", 0)
        FROM bumped b LEFT JOIN usage_counters p ON p."Key" = b."Key" AND p."WindowStart" = @previous
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly InProcessWindowCounters _fallback;
    private readonly TimeProvider _time;
    private readonly ILogger<PostgresWindowCounters> _logger;
    private long _fallbackUntil;

    public PostgresWindowCounters(IOptions<StorageOptions> options, InProcessWindowCounters fallback, TimeProvider time, ILogger<PostgresWindowCounters> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var configured = new NpgsqlConnectionStringBuilder(options.Value.ConnectionString);
        var builder = new NpgsqlConnectionStringBuilder(options.Value.ConnectionString)
        {
            // A counter must never hold a request for long: past this the fallback takes over.
            Timeout = Math.Min(configured.Timeout, 3),
            CommandTimeout = 3,
            MaxPoolSize = Math.Min(configured.MaxPoolSize, MaxConnections),
            MinPoolSize = Math.Min(configured.MinPoolSize, Math.Min(configured.MaxPoolSize, MaxConnections)),
            ApplicationName = string.IsNullOrEmpty(configured.ApplicationName) ? ApplicationName : configured.ApplicationName,
        };
        _dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
        _fallback = fallback;
        _time = time;
        _logger = logger;
    }

    public async ValueTask<IReadOnlyList<WindowCount>> IncrementAsync(
        IReadOnlyList<string> keys, DateTimeOffset windowStart, TimeSpan windowLength, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (InFallback())
        {
            return await _fallback.IncrementAsync(keys, windowStart, windowLength, cancellationToken);
        }

        var start = windowStart.ToUnixTimeMilliseconds();
        var length = (long)windowLength.TotalMilliseconds;
        try
        {
            await using var command = _dataSource.CreateCommand(IncrementSql);
            command.Parameters.Add(new NpgsqlParameter<string[]>("keys", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. keys] });
            command.Parameters.Add(new NpgsqlParameter<long>("start", start));
            command.Parameters.Add(new NpgsqlParameter<long>("expires", start + (2 * length)));
            command.Parameters.Add(new NpgsqlParameter<long>("previous", start - length));
            var counts = new Dictionary<string, WindowCount>(keys.Count, StringComparer.Ordinal);
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    counts[reader.GetString(0)] = new WindowCount(reader.GetInt64(1), reader.GetInt64(2));
                }
            }

            return keys.Select(k => counts[k]).ToArray();
        }
        catch (Exception ex) when ((ex is NpgsqlException or TimeoutException) && !cancellationToken.IsCancellationRequested)
        {
            StartFallback(ex);
            return await _fallback.IncrementAsync(keys, windowStart, windowLength, cancellationToken);
        }
    }

    public async ValueTask<long> ReadAsync(string key, DateTimeOffset windowStart, CancellationToken cancellationToken)
    {
        if (InFallback())
        {
            return await _fallback.ReadAsync(key, windowStart, cancellationToken);
        }

        try
        {
            await using var command = _dataSource.CreateCommand("""SELECT "Count" FROM usage_counters WHERE "Key" = @key AND "WindowStart" = @start""");
            command.Parameters.Add(new NpgsqlParameter<string>("key", key));
            command.Parameters.Add(new NpgsqlParameter<long>("start", windowStart.ToUnixTimeMilliseconds()));
            return await command.ExecuteScalarAsync(cancellationToken) is long count ? count : 0;
        }
        catch (Exception ex) when ((ex is NpgsqlException or TimeoutException) && !cancellationToken.IsCancellationRequested)
        {
            StartFallback(ex);
            return await _fallback.ReadAsync(key, windowStart, cancellationToken);
        }
    }

    /// <summary>Deletes the counters no window reads any more; returns how many.</summary>
    public async Task<int> PurgeAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("""DELETE FROM usage_counters WHERE "ExpiresAt" < @now""");
        command.Parameters.Add(new NpgsqlParameter<long>("now", now.ToUnixTimeMilliseconds()));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private bool InFallback() => _time.GetTimestamp() < Interlocked.Read(ref _fallbackUntil);

    private void StartFallback(Exception exception)
    {
        Interlocked.Exchange(ref _fallbackUntil, _time.GetTimestamp() + (long)(FallbackPeriod.TotalSeconds * _time.TimestampFrequency));
        LogFallback(exception, (int)FallbackPeriod.TotalSeconds);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shared rate-limit and LLM-budget counters are unreachable in the database; counting in this process for {Seconds} s")]
    private partial void LogFallback(Exception exception, int seconds);
}
