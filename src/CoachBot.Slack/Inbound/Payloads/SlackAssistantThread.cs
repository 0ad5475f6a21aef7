namespace CoachBot.Slack.Inbound.Payloads;

/// <summary>
/// The <c>assistant_thread</c> object of assistant_thread_started and assistant_thread_context_changed
/// (https://docs.slack.dev/reference/events/assistant_thread_started/): the member, the DM channel and the thread's root.
/// The <c>context</c> (the channel the member is looking at) is not read: the coach does not use it.
/// </summary>
public sealed record SlackAssistantThread
{
    public string? UserId { get; init; }

    public string? ChannelId { get; init; }

    public string? ThreadTs { get; init; }
}
