namespace CoachBot.Discord.Models;

/// <summary>Body of <c>POST /channels/{channel}/messages/{message}/threads</c>.</summary>
public sealed class StartThreadRequest
{
    public string Name { get; init; } = string.Empty;

    public int AutoArchiveDuration { get; init; } = 1440;
}
