using CoachBot.Storage.Postgres;
using CoachBot.Storage.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoachBot.Storage;

/// <summary>
/// Creates the context of the configured provider. Features inject <see cref="IDbContextFactory{CoachBotDbContext}"/>,
/// create a short-lived context per operation and dispose it.
/// </summary>
public sealed class CoachBotDbContextFactory : IDbContextFactory<CoachBotDbContext>
{
    private readonly Func<CoachBotDbContext> _create;

    public CoachBotDbContextFactory(IOptions<StorageOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var storage = options.Value;
        Provider = storage.Provider;
        if (storage.Provider == StorageProvider.Postgres)
        {
            var postgres = StorageContextOptions.ForPostgres(storage);
            _create = () => new PostgresCoachBotDbContext(postgres);
        }
        else
        {
            if (string.IsNullOrWhiteSpace(storage.ConnectionString))
            {
                Directory.CreateDirectory(storage.ResolveDataDirectory());
            }

            var sqlite = StorageContextOptions.ForSqlite(storage);
            _create = () => new SqliteCoachBotDbContext(sqlite);
        }
    }

    public StorageProvider Provider { get; }

    public CoachBotDbContext CreateDbContext() => _create();
}
