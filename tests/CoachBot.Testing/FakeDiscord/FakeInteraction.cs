namespace CoachBot.Testing.FakeDiscord;

/// <summary>An interaction the fake dispatched, and what the client did with it.</summary>
public sealed class FakeInteraction
{
    internal FakeInteraction(string id, string token, string channelId, DateTimeOffset dispatchedAt)
    {
        Id = id;
        Token = token;
        ChannelId = channelId;
        DispatchedAt = dispatchedAt;
    }

    public string Id { get; }

    public string Token { get; }

    public string ChannelId { get; }

    /// <summary>When the event was created (the acknowledgement clock starts here, as it does at Discord).</summary>
    public DateTimeOffset DispatchedAt { get; }

    /// <summary>When the INTERACTION_CREATE frame was written to the bot's socket (after the fake's own send queue).</summary>
    public DateTimeOffset? SentAt { get; internal set; }

    /// <summary>Callback type of the initial response (4, 5, 6, 7, 9), once acknowledged.</summary>
    public int? CallbackType { get; internal set; }

    public DateTimeOffset? AcknowledgedAt { get; internal set; }

    public string OriginalMessageId { get; internal set; } = string.Empty;

    public bool OriginalDeleted { get; internal set; }
}
