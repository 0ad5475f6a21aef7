namespace CoachBot.Slack.Delivery;

/// <summary>
/// Where the answers to one request go. <see cref="ReplyThreadTs"/>: the thread plain replies belong in (null = the
/// channel); <see cref="ThreadParentTs"/>: the message a Thread-placed reply hangs under (null = start at top level and
/// let the posted message be the parent); <see cref="SourceMessageTs"/>: the clicked message UpdateSource replaces.
/// </summary>
public sealed record SlackReplyTarget(string Channel, string UserId)
{
    public string? ReplyThreadTs { get; init; }

    public string? ThreadParentTs { get; init; }

    public string? ResponseUrl { get; init; }

    public string? TriggerId { get; init; }

    public string? SourceMessageTs { get; init; }

    public bool SourceIsEphemeral { get; init; }

    /// <summary>The message a streamed answer was shown in while it was written; the finished reply completes it.</summary>
    public SlackStreamedAnswer? Stream { get; init; }
}
