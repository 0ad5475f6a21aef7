namespace CoachBot.Slack.Inbound;

/// <summary>The inbox's names for <see cref="SlackInboundKind"/> (stable strings: rows outlive a deployment).</summary>
public static class SlackInboundKinds
{
    public static string Name(SlackInboundKind kind) => kind switch
    {
        SlackInboundKind.Event => "event",
        SlackInboundKind.SlashCommand => "slash_command",
        SlackInboundKind.Interaction => "interaction",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static SlackInboundKind? Parse(string name) => name switch
    {
        "event" => SlackInboundKind.Event,
        "slash_command" => SlackInboundKind.SlashCommand,
        "interaction" => SlackInboundKind.Interaction,
        _ => null,
    };
}
