namespace CoachBot.Discord.Models;

/// <summary>Makes a message a reply; <c>fail_if_not_exists: false</c> so a deleted question still gets its answer.</summary>
public sealed class MessageReference
{
    public string MessageId { get; init; } = string.Empty;

    public string? ChannelId { get; init; }

    public bool FailIfNotExists { get; init; }
}
