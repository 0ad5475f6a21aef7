namespace CoachBot.Testing.FakeDiscord;

/// <summary>
/// Byte-exact sends for malformed-input tests: dispatches whose data is JSON no serializer would write (lone surrogate
/// escapes, duplicate keys, deep nesting, wrong types) and frames that are not valid gateway payloads at all.
/// </summary>
public sealed partial class FakeDiscordServer
{
    /// <summary>
    /// Gives <paramref name="interaction"/> an id (unless it has one), a token and the application id, and starts its
    /// acknowledgement clock without dispatching it; the test dispatches it itself, e.g. with <see cref="DispatchRawAsync"/>.
    /// </summary>
    public FakeInteraction TrackInteraction(JsonObject interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        var id = interaction["id"]?.GetValue<string>() ?? NextId();
        var token = "interaction-token-" + id;
        interaction["id"] = id;
        interaction["token"] = token;
        interaction["application_id"] = Options.ApplicationId;
        var tracked = new FakeInteraction(id, token, interaction["channel_id"]?.GetValue<string>() ?? string.Empty, DateTimeOffset.UtcNow);
        _interactions[token] = tracked;
        return tracked;
    }

    /// <summary>
    /// Sends a dispatch (op 0, the next sequence number) whose <c>d</c> is <paramref name="rawData"/> exactly as written.
    /// Unlike <see cref="DispatchAsync"/> it is not kept for replay on RESUME, and nothing is sent while the client is away.
    /// </summary>
    public async Task DispatchRawAsync(string eventName, string rawData)
    {
        ArgumentNullException.ThrowIfNull(eventName);
        ArgumentNullException.ThrowIfNull(rawData);
        var session = _currentSession ?? throw new InvalidOperationException("No gateway session yet: wait for the client to identify.");
        var gate = GateFor(session);
        await gate.WaitAsync();
        try
        {
            string json;
            lock (session.Sync)
            {
                var head = new JsonObject { ["op"] = 0, ["s"] = ++session.LastSeq, ["t"] = eventName }.ToJsonString();
                json = head[..^1] + ",\"d\":" + rawData + "}";
            }

            if (session.Connection is { } connection)
            {
                await connection.SendAsync(json);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Sends <paramref name="text"/> as one text frame on the current connection, as is (no sequence number).</summary>
    public Task SendRawFrameAsync(string text) => SendToCurrentAsync(text);
}
