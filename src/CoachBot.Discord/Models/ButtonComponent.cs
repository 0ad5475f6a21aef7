namespace CoachBot.Discord.Models;

/// <summary>A button (type 2). Styles: 1 primary, 2 secondary, 3 success, 4 danger.</summary>
public sealed class ButtonComponent
{
    public int Type { get; } = 2;

    public int Style { get; init; } = 2;

    public string Label { get; init; } = string.Empty;

    public string CustomId { get; init; } = string.Empty;

    public bool? Disabled { get; init; }
}
