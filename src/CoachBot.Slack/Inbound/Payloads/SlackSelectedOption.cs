namespace CoachBot.Slack.Inbound.Payloads;

public sealed record SlackSelectedOption
{
    public string? Value { get; init; }
}
