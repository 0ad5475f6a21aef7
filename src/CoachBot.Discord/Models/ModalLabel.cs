namespace CoachBot.Discord.Models;

/// <summary>A label (type 18) wrapping one text input.</summary>
public sealed class ModalLabel
{
    public int Type { get; } = 18;

    public string Label { get; init; } = string.Empty;

    public TextInputComponent Component { get; init; } = new();
}
