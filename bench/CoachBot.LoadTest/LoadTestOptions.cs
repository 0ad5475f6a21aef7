using System.Globalization;

namespace CoachBot.LoadTest;

/// <summary>Command-line options of the load tool, bounded so a run always stops by itself.</summary>
internal sealed record LoadTestOptions
{
    public const int MaxInteractions = 5000;

    public bool Discord { get; init; } = true;

    public bool Slack { get; init; } = true;

    public int Interactions { get; init; } = 200;

    public int LlmDelayMs { get; init; } = 2000;

    /// <summary>Distinct simulated members sending the interactions (round-robin); defaults to one per interaction.</summary>
    public int Members { get; init; }

    /// <summary>How long to wait for all answers before counting the rest as lost.</summary>
    public int TimeoutSeconds { get; init; } = 120;

    public int EffectiveMembers => Members > 0 ? Math.Min(Members, Interactions) : Interactions;

    public static string Usage =>
        "usage: CoachBot.LoadTest [--platform discord|slack|both] [--interactions 200] [--llm-delay-ms 2000] [--members N] [--timeout-seconds 120]";

    public static LoadTestOptions Parse(IReadOnlyList<string> args)
    {
        var options = new LoadTestOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            var value = i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value. {Usage}");
            options = name switch
            {
                "--platform" => value.ToUpperInvariant() switch
                {
                    "DISCORD" => options with { Discord = true, Slack = false },
                    "SLACK" => options with { Discord = false, Slack = true },
                    "BOTH" => options with { Discord = true, Slack = true },
                    _ => throw new ArgumentException($"--platform is discord, slack or both, not '{value}'."),
                },
                "--interactions" => options with { Interactions = Number(name, value, 1, MaxInteractions) },
                "--llm-delay-ms" => options with { LlmDelayMs = Number(name, value, 0, 25_000) },
                "--members" => options with { Members = Number(name, value, 1, MaxInteractions) },
                "--timeout-seconds" => options with { TimeoutSeconds = Number(name, value, 5, 600) },
                _ => throw new ArgumentException($"Unknown option '{name}'. {Usage}"),
            };
        }

        return options;
    }

    private static int Number(string name, string value, int min, int max) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? number
            : throw new ArgumentException($"{name} is a whole number from {min} to {max}, not '{value}'.");
}
