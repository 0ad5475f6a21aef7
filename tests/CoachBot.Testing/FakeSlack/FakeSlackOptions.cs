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

    /// <summary>Clock for recorded timestamps and re-delivery timers (tests may pass a FakeTimeProvider).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Unacknowledged events_api envelopes are re-delivered after this long (Slack: about 3 s).</summary>
    public TimeSpan AckTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How many times an unacknowledged event is re-delivered (Slack: 3).</summary>
    public int MaxRedeliveries { get; set; } = 3;

    /// <summary>Uses of one response_url before it is refused (Slack: 5 within 30 minutes).</summary>
    public int ResponseUrlMaxUses { get; set; } = 5;

    /// <summary>WebSocket ping interval from the server (Slack pings; 0 disables).</summary>
    public TimeSpan ServerPingInterval { get; set; } = TimeSpan.FromSeconds(5);
}
