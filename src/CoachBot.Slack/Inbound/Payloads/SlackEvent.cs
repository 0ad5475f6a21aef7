namespace CoachBot.Slack.Inbound.Payloads;

/// <summary>
/// The inner event of an event_callback (app_mention, message, app_home_opened, assistant_thread_started,
/// assistant_thread_context_changed). Unknown fields are ignored.
/// </summary>
public sealed record SlackEvent
{
    public string? Type { get; init; }

    public string? Subtype { get; init; }

    public string? Channel { get; init; }

    public string? ChannelType { get; init; }

    public string? User { get; init; }

    public string? Text { get; init; }

    public string? Ts { get; init; }

    public string? ThreadTs { get; init; }

    public string? EventTs { get; init; }

    public string? BotId { get; init; }

    public string? Team { get; init; }

    /// <summary>app_home_opened: the tab the member opened, <c>home</c> or <c>messages</c>.</summary>
    public string? Tab { get; init; }

    /// <summary>assistant_thread_started / assistant_thread_context_changed: the thread the member opened.</summary>
    public SlackAssistantThread? AssistantThread { get; init; }
}
