using System.Globalization;
using System.Text;
using CoachBot.Core.Commands;

namespace CoachBot.Slack.Agent;

/// <summary>
/// What the member sees of the agent experience before asking anything: the manifest's <c>agent_description</c> and
/// suggested prompts (generated from here into slack-app-manifest.yaml), the greeting, and the status line while the
/// coach works. One place, so the manifest and the running bot say the same.
/// </summary>
public static class SlackAgentPrompts
{
    /// <summary>Slack shows at most four suggested prompts.</summary>
    public const int MaxPrompts = 4;

    public const string Description =
        "A coach for the backend-engineering career path: ask about skills, interviews and growing as an engineer, "
        + "and get answers from the bundled guides with their sources.";

    public const string PromptsTitle = "Try one of these";

    /// <summary>Shown under the member's message while the answer is prepared (Slack prefixes the app's name).</summary>
    public const string WorkingStatus = "is looking through the guides…";

    /// <summary>Three career questions the guides answer well, and the way to the commands.</summary>
    public static IReadOnlyList<SlackSuggestedPrompt> Prompts { get; } =
    [
        new("Junior to senior", "What should I focus on to grow from junior to senior backend engineer?"),
        new("System design interview", "How do I prepare for a backend system design interview?"),
        new("Learn databases", "Which database skills matter most for a backend engineer, and how do I learn them?"),
        new("What can you do?", "/help"),
    ];

    /// <summary>The one-time greeting, in Markdown (the renderer escapes and converts it): what the coach does and its commands.</summary>
    public static string Greeting(IEnumerable<CommandDefinition> commands)
    {
        ArgumentNullException.ThrowIfNull(commands);
        var text = new StringBuilder()
            .Append("Hi! I'm a coach for the backend-engineering career path. Ask me anything about skills, interviews or ")
            .Append("growing as an engineer and I'll answer from the guides, with the sections I used. ")
            .Append("Each question gets its own thread; reply in it to follow up.\n\n")
            .Append("The commands work here too:");
        foreach (var command in commands.OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"\n• `/{command.Name}`: {command.Description}");
        }

        return text.ToString();
    }
}
