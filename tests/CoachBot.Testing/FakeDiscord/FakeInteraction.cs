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

    /// <summary>The shard whose session it was dispatched to, when the client identified with several shards.</summary>
    public int? Shard { get; internal set; }

    /// <summary>Callback type of the initial response (4, 5, 6, 7, 9), once acknowledged.</summary>
    public int? CallbackType { get; internal set; }

    public DateTimeOffset? AcknowledgedAt { get; internal set; }

    /// <summary><c>data.flags</c> of the initial response (64 = ephemeral), when it had any.</summary>
    public int? CallbackFlags { get; internal set; }

    /// <summary><c>data.content</c> of the initial response (callback 4 or 7).</summary>
    public string? CallbackContent { get; internal set; }

    /// <summary>
    /// The initial response (the reply itself, or the "thinking…" placeholder and what later edits it into) is seen by
    /// the invoker only. False for a public response and for a deferred update (6), which shows nothing new.
    /// </summary>
    public bool RespondedPrivately => CallbackType is 4 or 5 && ((CallbackFlags ?? 0) & 64) != 0;

    public string OriginalMessageId { get; internal set; } = string.Empty;

    public bool OriginalDeleted { get; internal set; }
}
