namespace CoachBot.LoadTest;

/// <summary>
/// Checks a condition every <c>interval</c> until it holds or time runs out. The fakes' own wait helpers re-run the
/// condition on every recorded frame, which during a 200-event burst would make the driver compete with the bot for
/// the same two cores; a 100 ms poll keeps the driver's cost out of the measurement.
/// </summary>
internal static class Poll
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    public static async Task<bool> UntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (!condition())
        {
            if (DateTimeOffset.UtcNow >= deadline)
            {
                return false;
            }

            await Task.Delay(Interval);
        }

        return true;
    }
}
