namespace CoachBot.Discord.Models;

/// <summary>An option of a registered command. Types: 1 subcommand, 3 string, 4 integer, 5 boolean, 6 user, 7 channel.</summary>
public sealed class ApplicationCommandOption
{
    public int Type { get; init; }

    public string Name { get; init; } = string.Empty;

    public string Description { get; init; } = string.Empty;

    public bool? Required { get; init; }

    public IReadOnlyList<ApplicationCommandChoice>? Choices { get; init; }

    public IReadOnlyList<ApplicationCommandOption>? Options { get; init; }

    public int? MinValue { get; init; }

    public int? MaxValue { get; init; }

    public int? MaxLength { get; init; }
}
