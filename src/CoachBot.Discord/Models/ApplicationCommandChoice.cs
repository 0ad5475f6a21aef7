namespace CoachBot.Discord.Models;

public sealed class ApplicationCommandChoice
{
    public string Name { get; init; } = string.Empty;

    public string Value { get; init; } = string.Empty;
}
