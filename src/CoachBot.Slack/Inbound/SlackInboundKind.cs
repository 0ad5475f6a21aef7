namespace CoachBot.Slack.Inbound;

/// <summary>The three things Slack delivers, whichever the transport.</summary>
public enum SlackInboundKind
{
    Event,
    SlashCommand,
    Interaction,
}
