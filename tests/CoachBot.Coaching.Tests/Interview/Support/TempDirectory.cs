namespace CoachBot.Coaching.Tests.Interview.Support;

/// <summary>A fresh folder under the temp directory, deleted on dispose (SQLite files included).</summary>
public sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateDirectory(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "coachbot-interview-" + Guid.NewGuid().ToString("N"))).FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a pool on some platforms; the temp folder is cleaned by the OS later.
        }
    }
}
