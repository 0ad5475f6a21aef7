namespace CoachBot.Slack.Inbound.Payloads;

public sealed record SlackViewState
{
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, SlackInputValue>> Values { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, SlackInputValue>>();
}
