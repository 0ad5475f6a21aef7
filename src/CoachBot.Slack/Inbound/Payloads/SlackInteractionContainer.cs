namespace CoachBot.Slack.Inbound.Payloads;

/// <summary>Where the clicked element lives: a message (channel, ts, ephemeral or not) or a view.</summary>
public sealed record SlackInteractionContainer
{
    public string? Type { get; init; }

    public string? MessageTs { get; init; }

    public string? ThreadTs { get; init; }

    public string? ChannelId { get; init; }

    public bool IsEphemeral { get; init; }
}
