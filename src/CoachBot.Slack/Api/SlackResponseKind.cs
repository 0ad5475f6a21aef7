namespace CoachBot.Slack.Api;

/// <summary>What a response_url post does.</summary>
public enum SlackResponseKind
{
    /// <summary>A new message only the caller sees.</summary>
    Ephemeral,

    /// <summary>A new message everyone in the channel sees.</summary>
    InChannel,

    /// <summary>Replaces the message the button was on (works for ephemeral messages too).</summary>
    ReplaceOriginal,
}
