using CoachBot.Core.Collections;

namespace CoachBot.Slack.Inbound;

/// <summary>
/// Threads the bot started or answered in (channel + parent ts), so later replies there reach the coach without a
/// mention. Entries last a day after the bot's last post in the thread.
/// </summary>
public sealed class SlackThreadTracker(TimeProvider timeProvider)
{
    private readonly ExpiringKeySet _threads = new(timeProvider, TimeSpan.FromDays(1), capacity: 100_000);

    public void Track(string channel, string threadTs) => _threads.Touch(Key(channel, threadTs));

    public bool IsTracked(string channel, string threadTs) => _threads.Contains(Key(channel, threadTs));

    private static string Key(string channel, string threadTs) => channel + "/" + threadTs;
}
