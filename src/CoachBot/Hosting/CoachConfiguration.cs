using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;

namespace CoachBot.Hosting;

/// <summary>
/// Where configuration comes from, lowest precedence first: the shipped defaults (appsettings.json next to the
/// binary), the operator's appsettings.json and appsettings.{Environment}.json in the working directory (copy
/// appsettings.example.json there), user secrets, environment variables (<c>Llm__ApiKey</c>), then the command line.
/// </summary>
public static class CoachConfiguration
{
    public static void AddSources(IConfigurationManager configuration, string environmentName)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var sources = configuration.Sources;

        // The default builder already added the binary's appsettings.json (content root), user secrets in Development,
        // environment variables and args. Insert the working-directory files and user secrets (in every environment)
        // just before the environment variables so that env and args still win.
        var insertAt = sources.ToList().FindIndex(s => s is EnvironmentVariablesConfigurationSource);
        if (insertAt < 0)
        {
            insertAt = sources.Count;
        }

        var extra = new ConfigurationBuilder();
        var workingDirectory = Directory.GetCurrentDirectory();
        if (!string.Equals(Path.GetFullPath(workingDirectory), Path.GetFullPath(AppContext.BaseDirectory).TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal))
        {
            extra.SetBasePath(workingDirectory)
                .AddJsonFile("appsettings.json", optional: true, reloadOnChange: false)
                .AddJsonFile($"appsettings.{environmentName}.json", optional: true, reloadOnChange: false);
        }

        extra.AddUserSecrets(typeof(CoachConfiguration).Assembly, optional: true, reloadOnChange: false);
        foreach (var source in extra.Sources)
        {
            sources.Insert(insertAt++, source);
        }

    }
}
