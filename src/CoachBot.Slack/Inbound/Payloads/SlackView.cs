namespace CoachBot.Slack.Inbound.Payloads;

/// <summary>A submitted modal: callback_id is the core form id, state.values the inputs by block id.</summary>
public sealed record SlackView
{
    public string? Id { get; init; }

    public string? CallbackId { get; init; }

    public string? PrivateMetadata { get; init; }

    public SlackViewState? State { get; init; }
}
