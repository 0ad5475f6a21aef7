namespace CoachBot.Slack.Inbound.Payloads;

public sealed record SlackInteractionUser
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public string? Username { get; init; }

    public string? TeamId { get; init; }
}
