using CoachBot.Storage.Postgres;

namespace CoachBot.Storage.Tests;

public sealed class MigrationsTests
{
    [Fact]
    public void SqliteContext_HasNoModelChangesWithoutAMigration()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(),
            "The model changed without a SQLite migration: run the commands in src/CoachBot.Storage/README.md.");
    }

    [Fact]
    public void PostgresContext_HasNoModelChangesWithoutAMigration()
    {
        using var db = new PostgresDesignTimeFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(),
            "The model changed without a PostgreSQL migration: run the commands in src/CoachBot.Storage/README.md.");
    }

    [Fact]
    public void BothProviders_HaveTheSameMigrationNames()
    {
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        using var postgres = new PostgresDesignTimeFactory().CreateDbContext([]);

        static IEnumerable<string> Names(DbContext db) => db.Database.GetMigrations().Select(m => m[(m.IndexOf('_', StringComparison.Ordinal) + 1)..]);

        Assert.Equal(Names(sqlite), Names(postgres));
    }

    [Fact]
    public async Task Sqlite_FreshFile_IsMigratedAndInWalMode()
    {
        await using var database = SqliteTestDatabase.CreateEmpty();
        await database.MigrateAsync();
        await using var db = await database.Contexts.CreateDbContextAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        await using var connection = new SqliteConnection(StorageContextOptions.SqliteConnectionString(database.Options));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
        Assert.True(File.Exists(Path.Combine(database.Directory, StorageOptions.DefaultSqliteFileName)));
    }

    [PostgresFact]
    public async Task Postgres_FreshDatabase_IsMigrated()
    {
        await using var database = await PostgresTestDatabase.CreateEmptyAsync();
        await database.MigrateAsync();
        await using var db = await database.Contexts.CreateDbContextAsync();

        Assert.IsType<PostgresCoachBotDbContext>(db);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
    }

    /// <summary>Three processes starting together on a database that does not exist yet: all start, the migrations run once.</summary>
    [PostgresFact]
    public async Task Postgres_ThreeInitializersOnADatabaseThatDoesNotExistYet_AllSucceedAndMigrateOnce()
    {
        await using var database = PostgresTestDatabase.NotYetCreated();
        var initializers = Enumerable.Range(0, 3)
            .Select(_ => new StorageInitializer(new CoachBotDbContextFactory(Microsoft.Extensions.Options.Options.Create(database.Options)), NullLogger<StorageInitializer>.Instance))
            .ToList();

        await Task.WhenAll(initializers.Select(initializer => Task.Run(() => initializer.InitializeAsync(CancellationToken.None))));

        await using var db = await database.Contexts.CreateDbContextAsync();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations().Count(), (await db.Database.GetAppliedMigrationsAsync()).Count());
    }
}
