namespace CoachBot.Core.DataFolders;

/// <summary>
/// Finds one of the coach's data folders (<c>knowledge/</c>, <c>prompts/</c>): the configured path when one is set,
/// otherwise the nearest folder of that name, accepted by the caller's check, at or above the working directory,
/// then at or above the app's base directory. The working directory comes first because it is where the operator's
/// appsettings.json is read from (deployments run in the folder that holds the data; <c>dotnet run</c> keeps the
/// caller's directory); the app's folder is the fallback for a binary started from elsewhere (tests, a service
/// manager without a working directory).
/// </summary>
public static class DataFolderResolver
{
    /// <summary>
    /// The folder to use: <paramref name="configuredPath"/> made absolute (against the working directory) when it is set,
    /// whether or not it exists (the caller reports a missing one by its key); otherwise the nearest
    /// <paramref name="folderName"/> for which <paramref name="accepts"/> holds, or null when there is none.
    /// </summary>
    public static string? Resolve(string? configuredPath, string folderName, Func<string, bool> accepts) =>
        Resolve(configuredPath, folderName, accepts, SearchStarts());

    /// <summary>As above, searching upwards from each of <paramref name="searchFrom"/> in turn.</summary>
    public static string? Resolve(string? configuredPath, string folderName, Func<string, bool> accepts, IReadOnlyList<string> searchFrom)
    {
        ArgumentNullException.ThrowIfNull(searchFrom);
        if (!string.IsNullOrWhiteSpace(configuredPath))
        {
            return Path.GetFullPath(configuredPath);
        }

        return searchFrom.Select(start => FindUpwards(start, folderName, accepts)).FirstOrDefault(found => found is not null);
    }

    /// <summary>Where an unconfigured folder is looked for, first to last: the working directory, then the app's folder.</summary>
    public static IReadOnlyList<string> SearchStarts() => [Directory.GetCurrentDirectory(), AppContext.BaseDirectory];

    /// <summary>The first <paramref name="folderName"/> at or above <paramref name="start"/> that <paramref name="accepts"/> takes.</summary>
    public static string? FindUpwards(string start, string folderName, Func<string, bool> accepts)
    {
        ArgumentException.ThrowIfNullOrEmpty(start);
        ArgumentException.ThrowIfNullOrEmpty(folderName);
        ArgumentNullException.ThrowIfNull(accepts);
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, folderName);
            if (Directory.Exists(candidate) && accepts(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Where an unconfigured search looked, for error messages.</summary>
    public static string SearchedPlaces() => "at or above " + string.Join(" or ", SearchStarts());
}
