namespace CoachBot.Slack.Inbound.Payloads;

/// <summary>The message a button was on (only the fields we use).</summary>
public sealed record SlackInteractionMessage
{
    public string? Ts { get; init; }

    public string? ThreadTs { get; init; }
}
