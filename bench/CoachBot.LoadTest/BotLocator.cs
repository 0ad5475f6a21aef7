namespace CoachBot.LoadTest;

/// <summary>
/// Finds the repository and the built bot. Without <c>--bot-path</c> the bot is the CoachBot.dll built with the same
/// COACHBOT_SLOT and configuration as this tool (this tool's project references src/CoachBot for build order only, so
/// <c>dotnet build -c Release bench/CoachBot.LoadTest</c> builds both into matching folders).
/// </summary>
internal static class BotLocator
{
    public const string BotAssembly = "CoachBot.dll";

    public static string FindRepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "CoachBot.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException("No CoachBot.sln found above the current folder or the tool's folder; run the tool from inside the repository.");
    }

    public static string FindBot(string? botPath, string repositoryRoot)
    {
        if (!string.IsNullOrWhiteSpace(botPath))
        {
            var full = Path.GetFullPath(botPath);
            if (Directory.Exists(full))
            {
                full = Path.Combine(full, BotAssembly);
            }

            return File.Exists(full) ? full : throw new FileNotFoundException($"--bot-path: no such file {full}");
        }

        // This tool runs from bench/CoachBot.LoadTest/<bin folder>/<Configuration>/<tfm>/: look in the same place under src/CoachBot.
        var tfm = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = tfm.Parent;
        var bin = configuration?.Parent;
        if (configuration is not null && bin is not null)
        {
            var sibling = Path.Combine(repositoryRoot, "src", "CoachBot", bin.Name, configuration.Name, tfm.Name, BotAssembly);
            if (File.Exists(sibling))
            {
                return sibling;
            }
        }

        // Otherwise the newest Release build of any slot.
        var newest = Directory.EnumerateDirectories(Path.Combine(repositoryRoot, "src", "CoachBot"), "bin*")
            .Select(d => Path.Combine(d, "Release", tfm.Name, BotAssembly))
            .Where(File.Exists)
            .OrderByDescending(File.GetLastWriteTimeUtc)
            .FirstOrDefault();
        return newest ?? throw new FileNotFoundException(
            "No built CoachBot.dll found. Build it (export COACHBOT_SLOT=<name>; dotnet build -c Release bench/CoachBot.LoadTest) or pass --bot-path.");
    }
}
