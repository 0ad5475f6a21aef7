using CoachBot.Slack.Commands;
using CoachBot.Slack.Manifest;

namespace CoachBot.Host.Tests;

/// <summary>The repository's Slack manifest advertises exactly the commands and agent prompts the bot has (one source of truth).</summary>
public sealed class SlackManifestTests
{
    [Fact]
    public async Task ManifestInTheRepository_MatchesWhatTheCommandDefinitionsProduce()
    {
        var manifestPath = Path.Combine(RepositoryRoot(), "slack-app-manifest.yaml");
        var dataDirectory = Path.Combine(Path.GetTempPath(), "coachbot-manifest-" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture));
        await using var services = CoachCommandLine.BuildServices(["--Storage:DataDirectory=" + dataDirectory]);
        var definitions = services.GetRequiredService<CommandCatalog>().Definitions;
        var inRepository = (await File.ReadAllTextAsync(manifestPath)).ReplaceLineEndings("\n");

        var generated = SlackManifestAgentView.Update(SlackManifestCommands.Update(inRepository, definitions));

        Assert.True(
            generated == inRepository,
            "slack-app-manifest.yaml differs from the command definitions or the agent prompts; regenerate it with "
            + "`dotnet run --project src/CoachBot -- slack-manifest --write` (see docs/slack.md).");
        Assert.Equal(definitions.Count, inRepository.Split('\n').Count(l => l.StartsWith("    - command: /", StringComparison.Ordinal)));
        Assert.Contains("\n  agent_view:\n    agent_description: ", inRepository, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ManifestInTheRepository_RegistersNoSlackBuiltInCommandName()
    {
        var manifest = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "slack-app-manifest.yaml"));

        var names = manifest.ReplaceLineEndings("\n").Split('\n')
            .Where(l => l.StartsWith("    - command: /", StringComparison.Ordinal))
            .Select(l => l["    - command: /".Length..].Trim())
            .ToList();

        Assert.NotEmpty(names);
        Assert.DoesNotContain(names, SlackCommandNames.IsBuiltIn);
        Assert.Contains("coach-remind", names);
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "slack-app-manifest.yaml")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("slack-app-manifest.yaml not found above " + AppContext.BaseDirectory);
    }
}
