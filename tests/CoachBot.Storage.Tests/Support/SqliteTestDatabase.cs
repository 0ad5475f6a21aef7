namespace CoachBot.Storage.Tests.Support;

/// <summary>
/// A SQLite file in its own temp folder. The schema is migrated once per test run into a template file; each test
/// gets a copy, which is far cheaper than migrating every time.
/// </summary>
public sealed class SqliteTestDatabase : TestDatabase
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "coachbot-tests");
    private static readonly Lazy<Task<string>> Template = new(CreateTemplateAsync);

    private SqliteTestDatabase(string directory)
    {
        Directory = directory;
        Options = new StorageOptions { Provider = StorageProvider.Sqlite, DataDirectory = directory };
    }

    public string Directory { get; }

    public override StorageOptions Options { get; }

    public static async Task<SqliteTestDatabase> CreateAsync()
    {
        var template = await Template.Value;
        var directory = Path.Combine(Root, Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        File.Copy(template, Path.Combine(directory, StorageOptions.DefaultSqliteFileName));
        return new SqliteTestDatabase(directory);
    }

    /// <summary>An empty folder: the caller decides when (and whether) to migrate.</summary>
    public static SqliteTestDatabase CreateEmpty() => new(Path.Combine(Root, Guid.NewGuid().ToString("N")));

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }

        return ValueTask.CompletedTask;
    }

    private static async Task<string> CreateTemplateAsync()
    {
        var database = CreateEmpty();
        await database.MigrateAsync();
        var path = Path.Combine(database.Directory, StorageOptions.DefaultSqliteFileName);
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await command.ExecuteNonQueryAsync();
        }

        SqliteConnection.ClearAllPools();
        return path;
    }
}
