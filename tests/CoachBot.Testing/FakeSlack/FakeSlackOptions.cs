namespace CoachBot.Testing.FakeSlack;

/// <summary>Identity and behaviour of a <see cref="FakeSlackServer"/>.</summary>
public sealed class FakeSlackOptions
{
    public string BotToken { get; set; } = "xoxb-fake-bot-token-0000";

    public string AppToken { get; set; } = "xapp-fake-app-token-0000";

    public string SigningSecret { get; set; } = "fake-signing-secret-8f742231b10e";

    public string TeamId { get; set; } = "T111";

    public string AppId { get; set; } = "A111";

    public string BotUserId { get; set; } = "UBOT111";

    public string BotId { get; set; } = "B111";

    /// <summary>
    /// The bot token's scopes, as the app was installed. Only the assistant.threads.* and files.* upload methods check them (answering
    /// <c>missing_scope</c> with <c>needed</c>/<c>provided</c>); the default is what slack-app-manifest.yaml asks for.
    /// </summary>
    public ISet<string> BotScopes { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "app_mentions:read", "chat:write", "commands", "im:history", "im:read", "im:write", "channels:history",
        "groups:history", "usergroups:read", "channels:read", "groups:read", "users:read", "assistant:write", "files:write",
    };

    /// <summary>
    /// Scopes assistant.threads.setStatus accepts, any one of them: both since Slack's 2026-03-05 change
    /// (https://docs.slack.dev/changelog/2026/03/05/set-status-scope-update); before it, assistant:write only.
    /// </summary>
    public ISet<string> SetStatusScopes { get; } = new HashSet<string>(StringComparer.Ordinal) { "chat:write", "assistant:write" };

    /// <summary>
    /// The app uses the agent messaging experience (manifest <c>agent_view</c>) rather than the older
    /// <c>assistant_view</c>: setSuggestedPrompts with a thread_ts then "silently fails" (ok, nothing set), as documented.
    /// </summary>
    public bool AgentView { get; set; } = true;

    /// <summary>Clock for recorded timestamps and re-delivery timers (tests may pass a FakeTimeProvider).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Unacknowledged events_api envelopes are re-delivered after this long (Slack: about 3 s).</summary>
    public TimeSpan AckTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How many times an unacknowledged event is re-delivered (Slack: 3).</summary>
    public int MaxRedeliveries { get; set; } = 3;

    /// <summary>Uses of one response_url before it is refused (Slack: 5 within 30 minutes).</summary>
    public int ResponseUrlMaxUses { get; set; } = 5;

    /// <summary>
    /// Web API methods that answer only after this long (a Slack under load, a slow network), e.g. chat.postMessage.
    /// The call is handled (and recorded) after the wait. Set or change it at any time.
    /// </summary>
    public ConcurrentDictionary<string, TimeSpan> MethodDelays { get; } = new(StringComparer.Ordinal);

    /// <summary>WebSocket ping interval from the server (Slack pings; 0 disables).</summary>
    public TimeSpan ServerPingInterval { get; set; } = TimeSpan.FromSeconds(5);
}
