namespace CoachBot.Slack.Inbound;

/// <summary>What a transport answers for a delivery.</summary>
public enum SlackIntakeResult
{
    /// <summary>Recorded and queued: acknowledge it.</summary>
    Accepted,

    /// <summary>Recorded before: acknowledge it and do nothing.</summary>
    Duplicate,

    /// <summary>Not recorded (queue full, inbox write failed, shutting down): do not acknowledge, so Slack delivers it again.</summary>
    Refused,
}
