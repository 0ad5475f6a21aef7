namespace CoachBot.Testing.Files;

/// <summary>
/// A fresh folder under the temp directory, deleted on dispose. <paramref name="releaseFiles"/> runs first, for
/// callers whose code keeps files open in a pool (SQLite: <c>SqliteConnection.ClearAllPools</c>).
/// </summary>
public sealed class TempDirectory(string prefix = "coachbot-test", Action? releaseFiles = null) : IDisposable
{
    public string Path { get; } = Directory.CreateDirectory(System.IO.Path.Combine(System.IO.Path.GetTempPath(), prefix + "-" + Guid.NewGuid().ToString("N"))).FullName;

    /// <summary>Writes <paramref name="content"/> to a file under the folder (creating sub-folders) and returns its full path.</summary>
    public string Write(string relativePath, string content)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return full;
    }

    public void Dispose()
    {
        releaseFiles?.Invoke();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open on some platforms; a leftover temp folder is harmless and the OS cleans it.
        }
    }
}
