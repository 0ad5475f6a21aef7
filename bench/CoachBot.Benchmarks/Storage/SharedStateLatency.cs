using System.Diagnostics;
using System.Globalization;
using CoachBot.Core.Conversations;
using CoachBot.Core.Conversations.Memory;
using CoachBot.Core.Dispatch;
using CoachBot.Core.Limits;
using CoachBot.Storage;
using CoachBot.Storage.Conversations;
using CoachBot.Storage.Limits;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CoachBot.Benchmarks.Storage;

/// <summary>
/// What the shared state of issue #18 costs per request (Stopwatch distributions, p50/p95/p99): the rate-limit check
/// (in-process token buckets against one round trip to PostgreSQL's <c>usage_counters</c>), alone and with 16 and 200 callers
/// at once, and the conversation memory's read + write per answered question on SQLite and PostgreSQL. Creates (and
/// drops) its own database <c>coachbot_bench_shared</c> on the server.
/// <code>dotnet run -c Release --project bench/CoachBot.Benchmarks -- shared-state-latency "Host=127.0.0.1;Port=55432;Username=…;Password=…" [--requests 4000]</code>
/// </summary>
public static class SharedStateLatency
{
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var server = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? Environment.GetEnvironmentVariable("COACHBOT_TEST_POSTGRES")
            ?? throw new ArgumentException("Give a PostgreSQL connection string (or set COACHBOT_TEST_POSTGRES).");
        var requests = int.Parse(Option(args, "--requests") ?? "4000", CultureInfo.InvariantCulture);
        var database = new NpgsqlConnectionStringBuilder(server) { Database = "coachbot_bench_shared" }.ConnectionString;
        await ExecuteAsync(server, "DROP DATABASE IF EXISTS coachbot_bench_shared WITH (FORCE)");
        await ExecuteAsync(server, "CREATE DATABASE coachbot_bench_shared");
        var sqliteFolder = Path.Combine(Path.GetTempPath(), "coachbot-bench-shared-" + Guid.NewGuid().ToString("N"));
        try
        {
            var postgres = new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = database };
            var sqlite = new StorageOptions { Provider = StorageProvider.Sqlite, DataDirectory = sqliteFolder };
            var postgresContexts = await MigratedAsync(postgres);
            var sqliteContexts = await MigratedAsync(sqlite);
            var limits = Options.Create(new RateLimitOptions { PerUserPerMinute = 1_000_000, PerCommunityPerMinute = 1_000_000 });
            using var inProcess = new RequestRateLimiter(limits);
            var fallbacks = new WarningCounter<PostgresWindowCounters>();
            await using var counters = new PostgresWindowCounters(Options.Create(postgres), new InProcessWindowCounters(), TimeProvider.System, fallbacks);
            var shared = new SharedRequestRateLimiter(counters, limits, TimeProvider.System);

            await output.WriteLineAsync($"{requests} requests from 200 people in 4 communities; PostgreSQL {new NpgsqlConnectionStringBuilder(server).Host}:{new NpgsqlConnectionStringBuilder(server).Port}");
            await Report(output, "rate limit, in process (token buckets), 1 caller", await MeasureAsync(requests, 1, i => inProcess.TryAcquireAsync(Context(i), CancellationToken.None).AsTask()));
            await Report(output, "rate limit, PostgreSQL (1 upsert round trip), 1 caller", await MeasureAsync(requests, 1, i => shared.TryAcquireAsync(Context(i), CancellationToken.None).AsTask()));
            await Report(output, "rate limit, PostgreSQL, 16 callers at once", await MeasureAsync(requests, 16, i => shared.TryAcquireAsync(Context(i), CancellationToken.None).AsTask()));
            await Report(output, "rate limit, PostgreSQL, 16 callers, one person (hot row)", await MeasureAsync(requests, 16, _ => shared.TryAcquireAsync(Context(0), CancellationToken.None).AsTask()));
            await Report(output, "rate limit, PostgreSQL, 200 callers at once", await MeasureAsync(requests, 200, i => shared.TryAcquireAsync(Context(i), CancellationToken.None).AsTask()));
            await output.WriteLineAsync($"rate limit, PostgreSQL: {fallbacks.Warnings} fallback(s) to in-process counting (a timed-out round trip; the rows after one measure memory, not the database)");

            var memoryOptions = Options.Create(new ConversationMemoryOptions());
            foreach (var (name, contexts) in new[] { ("SQLite", sqliteContexts), ("PostgreSQL", postgresContexts) })
            {
                var memory = new ConversationMemoryStore(contexts, memoryOptions, TimeProvider.System, NullLogger<ConversationMemoryStore>.Instance);
                var turns = Math.Min(requests, 1000);
                await Report(output, $"conversation memory, {name}: read + remember one turn, 1 caller", await MeasureAsync(turns, 1, i => TurnAsync(memory, i)));
                await Report(output, $"conversation memory, {name}: read + remember one turn, 16 callers", await MeasureAsync(turns, 16, i => TurnAsync(memory, i)));
            }

            return 0;
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server, "DROP DATABASE IF EXISTS coachbot_bench_shared WITH (FORCE)");
            Directory.Delete(sqliteFolder, recursive: true);
        }
    }

    private static async Task TurnAsync(ConversationMemoryStore memory, int i)
    {
        var conversation = new ConversationKey(ChatPlatform.Slack, "T" + (i % 4), "C" + (i % 50));
        var user = "slack:U" + (i % 200);
        var recent = await memory.RecentAsync(conversation, user, CancellationToken.None);
        await memory.RememberAsync(conversation, user, new ConversationTurn("question " + i, "question " + i, "answer " + recent.Count, DateTimeOffset.UtcNow), CancellationToken.None);
    }

    private static CommandContext Context(int i) => new()
    {
        User = new UserIdentity(ChatPlatform.Slack, "U" + (i % 200), "member"),
        Conversation = new ConversationKey(ChatPlatform.Slack, "T" + (i % 4), "C1"),
    };

    private static async Task<List<double>> MeasureAsync(int count, int callers, Func<int, Task> call)
    {
        for (var i = 0; i < 50; i++)
        {
            await call(i); // warm-up: connections, JIT
        }

        var timings = new List<double>(count);
        var next = -1;
        var gate = new Lock();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var started = Stopwatch.GetTimestamp();
                await call(i);
                var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                lock (gate)
                {
                    timings.Add(ms);
                }
            }
        })));
        return timings;
    }

    private static Task Report(TextWriter output, string what, List<double> timings)
    {
        timings.Sort();
        double At(double q) => timings[Math.Min(timings.Count - 1, (int)(q * timings.Count))];
        return output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{what}: p50 {At(0.50):F3} ms, p95 {At(0.95):F3} ms, p99 {At(0.99):F3} ms ({timings.Count} calls)"));
    }

    private static async Task<CoachBotDbContextFactory> MigratedAsync(StorageOptions options)
    {
        var contexts = new CoachBotDbContextFactory(Options.Create(options));
        await new StorageInitializer(contexts, NullLogger<StorageInitializer>.Instance).InitializeAsync(CancellationToken.None);
        return contexts;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Counts the warnings written (the counters' only warning is the switch to in-process counting).</summary>
    private sealed class WarningCounter<T> : ILogger<T>
    {
        private int _warnings;

        public int Warnings => Volatile.Read(ref _warnings);

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Warning)
            {
                Interlocked.Increment(ref _warnings);
            }
        }
    }

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
