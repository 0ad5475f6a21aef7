using CoachBot.Storage.Postgres;
using CoachBot.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CoachBot.Storage;

/// <summary>Builds the provider-specific <see cref="DbContextOptions"/> (used at run time, design time and in tests).</summary>
public static class StorageContextOptions
{
    /// <summary>The SQLite connection string for the options: the override when set, else a file under the data directory.</summary>
    public static string SqliteConnectionString(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return options.ConnectionString;
        }

        var path = Path.Combine(options.ResolveDataDirectory(), options.SqliteFileName);
        return new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Default,
            DefaultTimeout = Math.Max(1, options.BusyTimeoutMilliseconds / 1000),
            Pooling = true,
        }.ToString();
    }

    public static DbContextOptions<SqliteCoachBotDbContext> ForSqlite(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var connectionString = SqliteConnectionString(options);
        var builder = new DbContextOptionsBuilder<SqliteCoachBotDbContext>()
            .UseSqlite(connectionString)
            .AddInterceptors(new SqliteConnectionPragmas(options.BusyTimeoutMilliseconds, options.SqliteSynchronous));
        if (SqliteWriteTurns.For(connectionString, TimeSpan.FromMilliseconds(options.BusyTimeoutMilliseconds), options.SqliteSynchronous) is { } queue)
        {
            builder.AddInterceptors(queue);
        }

        return builder.Options;
    }

    public static DbContextOptions<PostgresCoachBotDbContext> ForPostgres(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var connectionString = options.ConnectionString
            ?? throw new InvalidOperationException("Storage:ConnectionString is required when Storage:Provider is Postgres.");
        return new DbContextOptionsBuilder<PostgresCoachBotDbContext>()
            .UseNpgsql(connectionString, npgsql => npgsql.EnableRetryOnFailure(
                options.MaxRetryCount, TimeSpan.FromSeconds(options.MaxRetryDelaySeconds), errorCodesToAdd: null))
            .Options;
    }
}
