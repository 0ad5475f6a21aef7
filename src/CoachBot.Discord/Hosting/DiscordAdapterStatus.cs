namespace CoachBot.Discord.Hosting;

/// <summary>
/// The adapter's connection state for readiness probes: ready when every shard this process runs has a live session.
/// <paramref name="Stopped"/> is set when the adapter gave up (rejected token, fatal close on every shard).
/// </summary>
public sealed record DiscordAdapterStatus(int Shards, int ReadyShards, bool Stopped)
{
    public bool IsReady => !Stopped && Shards > 0 && ReadyShards == Shards;
}
