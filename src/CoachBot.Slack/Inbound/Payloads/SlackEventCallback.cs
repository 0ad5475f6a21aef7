namespace CoachBot.Slack.Inbound.Payloads;

/// <summary>An Events API body (type event_callback or url_verification), as sent over HTTP or inside a Socket Mode envelope.</summary>
public sealed record SlackEventCallback
{
    public string? Type { get; init; }

    public string? TeamId { get; init; }

    public string? ApiAppId { get; init; }

    public string? EventId { get; init; }

    public string? Challenge { get; init; }

    public SlackEvent? Event { get; init; }
}
