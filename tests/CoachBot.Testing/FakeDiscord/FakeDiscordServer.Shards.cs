using System.Globalization;

namespace CoachBot.Testing.FakeDiscord;

/// <summary>
/// Sharding as Discord does it (https://discord.com/developers/docs/events/gateway#sharding): IDENTIFY carries
/// <c>shard: [shard_id, num_shards]</c> (an id outside 0..num_shards-1 is closed with 4010 "Invalid shard"), a guild's
/// events go only to shard <c>(guild_id &gt;&gt; 22) % num_shards</c>, and direct messages only to shard 0. Without
/// sharded sessions everything goes to the current session, as before.
/// </summary>
public sealed partial class FakeDiscordServer
{
    private readonly ConcurrentDictionary<int, FakeGatewaySession> _shardSessions = new();
    private readonly ConcurrentQueue<(int Shard, string EventName, string? GuildId)> _shardDispatches = new();
    private int _shardCount;

    /// <summary>The shard count the client identified with (0 while no sharded session exists).</summary>
    public int ShardCount => Volatile.Read(ref _shardCount);

    /// <summary>Every routed dispatch: the shard it went to, its event name and its guild (null for a DM).</summary>
    public IReadOnlyList<(int Shard, string EventName, string? GuildId)> ShardDispatches => _shardDispatches.ToArray();

    /// <summary>The shard Discord routes a guild's events to; null (a DM) is shard 0.</summary>
    public static int ShardOf(string? guildId, int shardCount) =>
        guildId is null || shardCount <= 1
            ? 0
            : (int)((ulong.Parse(guildId, CultureInfo.InvariantCulture) >> 22) % (ulong)shardCount);

    /// <summary>Waits until shard <paramref name="shardId"/> has an identified session on an open connection.</summary>
    public Task WaitForShardAsync(int shardId, TimeSpan? timeout = null) =>
        WaitUntilAsync(
            () => _shardSessions.TryGetValue(shardId, out var s) && s.Connection is { IsOpen: true, Authenticated: true },
            "an open gateway session for shard " + shardId.ToString(CultureInfo.InvariantCulture),
            timeout);

    /// <summary>True when shard <paramref name="shardId"/>'s session is on an open connection.</summary>
    public bool IsShardConnected(int shardId) =>
        _shardSessions.TryGetValue(shardId, out var s) && s.Connection is { IsOpen: true };

    /// <summary>The shard array of an IDENTIFY, or the close reason when it is not a valid one.</summary>
    private static (int[]? Shard, string? Invalid) ReadShard(JsonNode? data)
    {
        if (data?["shard"] is not JsonArray array)
        {
            return (null, null);
        }

        var shard = array.Select(n => n?.GetValue<int>() ?? -1).ToArray();
        return shard.Length == 2 && shard[1] >= 1 && shard[0] >= 0 && shard[0] < shard[1]
            ? (shard, null)
            : (null, "Invalid shard");
    }

    /// <summary>Remembers the session as its shard's, for routing (a later IDENTIFY or RESUME for that shard replaces it).</summary>
    private void TrackShard(FakeGatewaySession session)
    {
        if (session.Shard is [var id, var count])
        {
            _shardSessions[id] = session;
            Volatile.Write(ref _shardCount, count);
        }
    }

    /// <summary>The session a dispatch goes to: its guild's shard when the client shards, else the current one.</summary>
    private FakeGatewaySession? SessionFor(string eventName, JsonNode? data)
    {
        var count = ShardCount;
        if (count <= 1 || _shardSessions.IsEmpty)
        {
            return _currentSession;
        }

        var guildId = data?["guild_id"]?.GetValue<string>();
        var shard = ShardOf(guildId, count);
        _shardDispatches.Enqueue((shard, eventName, guildId));
        return _shardSessions.TryGetValue(shard, out var session)
            ? session
            : throw new InvalidOperationException($"No session for shard {shard} (guild {guildId ?? "none: a DM"}): start the process that runs it first.");
    }
}
