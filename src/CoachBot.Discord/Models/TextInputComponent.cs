namespace CoachBot.Discord.Models;

/// <summary>A text input (type 4): style 1 short, 2 paragraph.</summary>
public sealed class TextInputComponent
{
    public int Type { get; } = 4;

    public string CustomId { get; init; } = string.Empty;

    public int Style { get; init; } = 1;

    public bool Required { get; init; }

    public int? MaxLength { get; init; }

    public string? Placeholder { get; init; }

    public string? Value { get; init; }
}
