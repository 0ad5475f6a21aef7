namespace CoachBot.Testing.FakeDiscord;

/// <summary>A gateway session: its id, the dispatches sent so far (for replay on resume) and its current connection.</summary>
internal sealed class FakeGatewaySession(string id, string token, int[]? shard)
{
    public string Id { get; } = id;

    public string Token { get; } = token;

    public int[]? Shard { get; } = shard;

    public List<(int Seq, string EventName, string Json)> Log { get; } = [];

    public int LastSeq { get; set; }

    public FakeGatewayConnection? Connection { get; set; }

    public Lock Sync { get; } = new();

    public string Append(string eventName, JsonNode? data)
    {
        lock (Sync)
        {
            var seq = ++LastSeq;
            var json = new JsonObject { ["op"] = 0, ["s"] = seq, ["t"] = eventName, ["d"] = data?.DeepClone() }.ToJsonString();
            Log.Add((seq, eventName, json));
            return json;
        }
    }
}
