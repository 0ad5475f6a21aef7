using System.Text.Json;

namespace CoachBot.Discord.Models;

/// <summary>One submitted option: a value, or nested options for a subcommand (type 1) or group (type 2).</summary>
public sealed class InteractionDataOption
{
    public const int SubCommand = 1;
    public const int SubCommandGroup = 2;

    public string Name { get; init; } = string.Empty;

    public int Type { get; init; }

    public JsonElement? Value { get; init; }

    public IReadOnlyList<InteractionDataOption> Options { get; init; } = [];
}
