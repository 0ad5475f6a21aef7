using Microsoft.Extensions.Options;

namespace CoachBot.Coaching.Tests.Support;

/// <summary>
/// A SQLite file migrated once per test run: copying it is much cheaper than migrating every test's database.
/// </summary>
public static class SqliteTemplate
{
    private static readonly Lazy<string> Template = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string FileName => StorageOptions.DefaultSqliteFileName;

    /// <summary>The migrated file (do not write to it: copy it).</summary>
    public static string File => Template.Value;

    private static string Create()
    {
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "coachbot-sqlite-template-" + Guid.NewGuid().ToString("N")[..12])).FullName;
        var factory = new CoachBotDbContextFactory(Options.Create(new StorageOptions { DataDirectory = folder, SqliteFileName = FileName }));
        using (var db = factory.CreateDbContext())
        {
            db.Database.Migrate();
        }

        // Closing every connection checkpoints the WAL into the main file, so copying that one file is enough.
        SqliteConnection.ClearAllPools();
        return Path.Combine(folder, FileName);
    }
}
