using CoachBot.Core.Collections;

namespace CoachBot.Discord.Messages;

/// <summary>
/// The threads the bot started (thread id → parent channel id), so replies in them are answered without a mention
/// and keep their conversation memory. Filled when the bot creates a thread and from THREAD_CREATE / GUILD_CREATE
/// events for threads it owns (which restores it after a restart). Bounded: a forgotten thread only needs a mention
/// again, and Discord archives a thread after at most a week without messages, so a month outlives any live one.
/// </summary>
public sealed class BotThreadRegistry(TimeProvider timeProvider)
{
    private const int Capacity = 100_000;
    private static readonly TimeSpan RememberFor = TimeSpan.FromDays(30);

    private readonly ExpiringKeyMap<string> _parents = new(timeProvider, RememberFor, Capacity);

    public int Count => _parents.Count;

    public void Add(string threadId, string parentChannelId) => _parents.Set(threadId, parentChannelId);

    public bool TryGetParent(string channelId, out string parentChannelId) => _parents.TryGetValue(channelId, out parentChannelId);
}
