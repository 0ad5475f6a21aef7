namespace CoachBot.Discord.Models;

/// <summary>An action row (type 1) holding at most five buttons.</summary>
public sealed class ActionRowComponent
{
    public int Type { get; } = 1;

    public IReadOnlyList<ButtonComponent> Components { get; init; } = [];
}
