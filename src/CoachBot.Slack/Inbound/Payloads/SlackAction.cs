namespace CoachBot.Slack.Inbound.Payloads;

/// <summary>One element action: for our buttons <see cref="Value"/> carries the core button id (untrusted).</summary>
public sealed record SlackAction
{
    public string? Type { get; init; }

    public string? ActionId { get; init; }

    public string? BlockId { get; init; }

    public string? Value { get; init; }

    public string? ActionTs { get; init; }
}
