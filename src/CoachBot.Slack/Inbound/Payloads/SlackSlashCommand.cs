namespace CoachBot.Slack.Inbound.Payloads;

/// <summary>A slash command invocation (HTTP form fields or Socket Mode JSON payload).</summary>
public sealed record SlackSlashCommand
{
    public string? TeamId { get; init; }

    public string? ChannelId { get; init; }

    public string? ChannelName { get; init; }

    public string? UserId { get; init; }

    public string? UserName { get; init; }

    public string? Command { get; init; }

    public string? Text { get; init; }

    public string? ResponseUrl { get; init; }

    public string? TriggerId { get; init; }
}
