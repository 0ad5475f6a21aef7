namespace CoachBot.Slack.Inbound.Payloads;

/// <summary>One input's state: text inputs carry <see cref="Value"/>, selects <see cref="SelectedOption"/>.</summary>
public sealed record SlackInputValue
{
    public string? Type { get; init; }

    public string? Value { get; init; }

    public SlackSelectedOption? SelectedOption { get; init; }
}
