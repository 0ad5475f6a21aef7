using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.CommandLine;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.FileProviders;

namespace CoachBot.Hosting;

/// <summary>
/// Where configuration comes from, lowest precedence first: the shipped defaults (appsettings.json next to the
/// binary), the operator's appsettings.json and appsettings.{Environment}.json in the working directory (copy
/// appsettings.example.json there), user secrets, environment variables (<c>Llm__ApiKey</c>), then the command line.
/// </summary>
public static class CoachConfiguration
{
    public static void AddSources(IConfigurationManager configuration, string environmentName) =>
        AddSources(configuration, environmentName, Directory.GetCurrentDirectory());

    /// <summary>As above, with the operator's folder given (tests; the host uses the working directory).</summary>
    public static void AddSources(IConfigurationManager configuration, string environmentName, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrEmpty(workingDirectory);
        var sources = configuration.Sources;

        // The default builders add, in order: DOTNET_/ASPNETCORE_-prefixed environment variables (host settings), the
        // binary's appsettings files, user secrets in Development, the unprefixed environment variables and the args.
        // The working-directory files and user secrets go just before the unprefixed environment variables, so they
        // override the shipped files and env and args still override them.
        var insertAt = InsertionPoint(sources);
        var added = new List<IConfigurationSource>();
        var operatorFolder = Path.GetFullPath(workingDirectory).TrimEnd(Path.DirectorySeparatorChar);
        var binaryFolder = Path.GetFullPath(AppContext.BaseDirectory).TrimEnd(Path.DirectorySeparatorChar);
        if (!string.Equals(operatorFolder, binaryFolder, StringComparison.Ordinal) && Directory.Exists(operatorFolder))
        {
            // The files get their own provider: a source inserted without one would be resolved against the content
            // root (the binary's folder), and the operator's file would be silently ignored.
            var files = new PhysicalFileProvider(operatorFolder);
            added.Add(JsonFile(files, "appsettings.json"));
            added.Add(JsonFile(files, $"appsettings.{environmentName}.json"));
        }

        var secrets = new ConfigurationBuilder().AddUserSecrets(typeof(CoachConfiguration).Assembly, optional: true, reloadOnChange: false);
        added.AddRange(secrets.Sources);
        foreach (var source in added)
        {
            sources.Insert(insertAt++, source);
        }
    }

    private static int InsertionPoint(IList<IConfigurationSource> sources)
    {
        for (var i = sources.Count - 1; i >= 0; i--)
        {
            if (sources[i] is EnvironmentVariablesConfigurationSource { Prefix: null or "" })
            {
                return i;
            }
        }

        for (var i = 0; i < sources.Count; i++)
        {
            if (sources[i] is CommandLineConfigurationSource)
            {
                return i;
            }
        }

        return sources.Count;
    }

    private static Microsoft.Extensions.Configuration.Json.JsonConfigurationSource JsonFile(IFileProvider files, string path) => new()
    {
        FileProvider = files,
        Path = path,
        Optional = true,
        ReloadOnChange = false,
    };
}
