namespace CoachBot.Testing.FakeDiscord;

/// <summary>How the fake Discord behaves: identities, timings and the limits it enforces.</summary>
public sealed class FakeDiscordOptions
{
    public string Token { get; set; } = "fake-bot-token.XYZ.secret-value-1234567890";

    public string BotUserId { get; set; } = "111111111111111111";

    public string ApplicationId { get; set; } = "111111111111111111";

    /// <summary>Hello's heartbeat_interval. Short in tests so heartbeats and zombie detection happen quickly.</summary>
    public int HeartbeatIntervalMs { get; set; } = 500;

    /// <summary>The shard count /gateway/bot recommends.</summary>
    public int RecommendedShards { get; set; } = 1;

    public int MaxConcurrency { get; set; } = 1;

    /// <summary>How long after INTERACTION_CREATE the initial response is accepted (Discord: 3 s).</summary>
    public TimeSpan InteractionDeadline { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Clock for <see cref="RecordedRequest.ReceivedAt"/>. A test that drives the client on a FakeTimeProvider passes the
    /// same one, so it can count the requests that arrived inside a rate-limit window without measuring real time.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
