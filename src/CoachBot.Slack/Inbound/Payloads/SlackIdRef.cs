namespace CoachBot.Slack.Inbound.Payloads;

/// <summary>A team or channel reference (<c>{"id":"T…","domain":…}</c>).</summary>
public sealed record SlackIdRef
{
    public string? Id { get; init; }

    public string? Name { get; init; }
}
