using CoachBot.Core.Collections;
using CoachBot.Core.Limits;

namespace CoachBot.Slack.Inbound;

/// <summary>
/// Threads the bot started or answered in (channel + parent ts), so later replies there reach the coach without a
/// mention. Kept as a count of the bot's posts per thread and UTC day in <see cref="IWindowCounters"/>: in this
/// process, or in the database with PostgreSQL, so a reply that Slack hands to another process than the one that
/// posted is answered too (Socket Mode spreads envelopes across every open connection). A thread is followed for the
/// rest of the UTC day of the bot's last post there and the whole next day. Threads this process posted in are
/// answered from memory, without a database read.
/// </summary>
public sealed class SlackThreadTracker(IWindowCounters counters, TimeProvider timeProvider)
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    // Thread → the UTC day (Unix ms) of this process's last post there; two days covers "today and yesterday".
    private readonly ExpiringKeyMap<long> _posted = new(timeProvider, TimeSpan.FromDays(2), capacity: 100_000);

    public async ValueTask TrackAsync(string channel, string threadTs, CancellationToken cancellationToken)
    {
        var key = Key(channel, threadTs);
        var today = Today();
        _posted.Set(key, today.ToUnixTimeMilliseconds());
        await counters.IncrementAsync([key], today, Day, cancellationToken);
    }

    public async ValueTask<bool> IsTrackedAsync(string channel, string threadTs, CancellationToken cancellationToken)
    {
        var key = Key(channel, threadTs);
        var today = Today();
        var yesterday = today - Day;
        if (_posted.TryGetValue(key, out var day) && day >= yesterday.ToUnixTimeMilliseconds())
        {
            return true;
        }

        return await counters.ReadAsync(key, today, cancellationToken) > 0
            || await counters.ReadAsync(key, yesterday, cancellationToken) > 0;
    }

    private static string Key(string channel, string threadTs) => "thread:slack:" + channel + "/" + threadTs;

    private DateTimeOffset Today() => new(timeProvider.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero);
}
