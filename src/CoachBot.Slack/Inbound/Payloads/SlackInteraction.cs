namespace CoachBot.Slack.Inbound.Payloads;

/// <summary>An interactivity payload: block_actions (button clicks) or view_submission (modal submitted).</summary>
public sealed record SlackInteraction
{
    public string? Type { get; init; }

    public SlackInteractionUser? User { get; init; }

    public SlackIdRef? Team { get; init; }

    public SlackIdRef? Channel { get; init; }

    public SlackInteractionContainer? Container { get; init; }

    public SlackInteractionMessage? Message { get; init; }

    public string? ResponseUrl { get; init; }

    public string? TriggerId { get; init; }

    public IReadOnlyList<SlackAction> Actions { get; init; } = [];

    public SlackView? View { get; init; }
}
