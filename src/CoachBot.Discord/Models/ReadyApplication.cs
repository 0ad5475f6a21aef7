namespace CoachBot.Discord.Models;

public sealed class ReadyApplication
{
    public string Id { get; init; } = string.Empty;
}
