namespace CoachBot.Core.Commands;

/// <summary>
/// One option of a command. Names are lowercase, 1–32 characters of letters, digits, '-' or '_' (Discord's rule, which
/// also suits Slack text parsing). Descriptions are at most 100 characters.
/// </summary>
public sealed record CommandOption(string Name, string Description, CommandOptionType Type = CommandOptionType.Text)
{
    public bool Required { get; init; }

    public IReadOnlyList<OptionChoice> Choices { get; init; } = [];

    public int? MinValue { get; init; }

    public int? MaxValue { get; init; }

    public int? MaxLength { get; init; }

    /// <summary>
    /// When true, this option takes the rest of a typed command line ("/ask how do i start?" → question).
    /// At most one per command, and it must be last.
    /// </summary>
    public bool TakesRest { get; init; }
}
