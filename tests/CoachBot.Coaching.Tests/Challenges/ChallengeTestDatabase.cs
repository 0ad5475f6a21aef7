namespace CoachBot.Coaching.Tests.Challenges;

/// <summary>
/// A SQLite file in a temp folder that several bot "processes" (service providers) can share. Each one starts as a
/// copy of <see cref="SqliteTemplate"/>, so tests don't pay for the migrations every time.
/// </summary>
public sealed class ChallengeTestDatabase : IChallengeTestDatabase
{
    private static string FileName => SqliteTemplate.FileName;

    public ChallengeTestDatabase()
    {
        Directory = NewFolder();
        File.Copy(SqliteTemplate.File, Path.Combine(Directory, FileName));
    }

    public string Directory { get; }

    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Storage:Provider"] = "Sqlite",
        ["Storage:DataDirectory"] = Directory,
        ["Storage:SqliteFileName"] = FileName,
    };

    /// <summary>Deletes the folder (call once every bot using it is disposed).</summary>
    public void Delete()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finishing connection; the temp folder is cleaned by the OS.
        }
    }

    private static string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "coachbot-challenges-" + Guid.NewGuid().ToString("N")[..12]);
        System.IO.Directory.CreateDirectory(folder);
        return folder;
    }
}
