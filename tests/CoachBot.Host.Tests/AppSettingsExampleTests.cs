using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace CoachBot.Host.Tests;

public class AppSettingsExampleTests
{
    private static string ExamplePath()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "appsettings.example.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("appsettings.example.json not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Every options class of the bot: public types with a SectionName constant in CoachBot assemblies.</summary>
    private static IEnumerable<Type> OptionsTypes()
    {
        // Touch one type of each project so the assemblies are loaded.
        var anchors = new[]
        {
            typeof(CoachBot.Core.Dispatch.DispatchOptions), typeof(CoachBot.Knowledge.KnowledgeOptions), typeof(CoachBot.Ai.Llm.LlmOptions),
            typeof(CoachBot.Storage.StorageOptions), typeof(CoachBot.Discord.DiscordOptions), typeof(CoachBot.Slack.Configuration.SlackOptions),
            typeof(CoachBot.Terminal.TerminalOptions), typeof(CoachBot.Coaching.Challenges.ChallengesOptions),
        };
        return anchors.Select(t => t.Assembly).Distinct()
            .SelectMany(a => a.GetExportedTypes())
            .Where(t => t.GetField("SectionName", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true });
    }

    [Fact]
    public void Example_DocumentsEveryOptionsKey()
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(ExamplePath()).Build();
        var documented = configuration.AsEnumerable().Select(p => p.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);

        var missing = new List<string>();
        foreach (var type in OptionsTypes())
        {
            var section = (string)type.GetField("SectionName")!.GetRawConstantValue()!;
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite || p.PropertyType.IsGenericType))
            {
                var key = $"{section}:{property.Name}";
                if (!documented.Contains(key))
                {
                    missing.Add(key);
                }
            }
        }

        Assert.True(missing.Count == 0, "Not documented in appsettings.example.json: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task Example_AsIs_PassesStartUpValidation()
    {
        var example = ExamplePath();

        await using var services = CoachCommandLine.BuildServices([], extraJsonFile: example);

        Assert.NotNull(services);
    }
}
