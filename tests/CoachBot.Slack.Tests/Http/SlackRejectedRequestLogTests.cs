namespace CoachBot.Slack.Tests.Http;

public sealed class SlackRejectedRequestLogTests
{
    [Fact]
    public void ManyRejectionsForOneReason_LogOneDebugLinePerInterval_ThenSayHowManyWereLeftOut()
    {
        var time = new FakeTimeProvider();
        using var logs = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        var log = new SlackRejectedRequestLog(time, factory.CreateLogger<SlackRejectedRequestLog>());

        for (var i = 0; i < 50; i++)
        {
            log.Rejected("bad_signature", "/slack/events");
        }

        log.Rejected("stale_timestamp", "/slack/events");
        time.Advance(SlackRejectedRequestLog.Interval);
        log.Rejected("bad_signature", "/slack/events");

        var lines = logs.Entries.Where(e => e.Category == typeof(SlackRejectedRequestLog).FullName).ToList();
        Assert.All(lines, l => Assert.Equal(LogLevel.Debug, l.Level));
        Assert.Equal(3, lines.Count);
        Assert.Contains("49 more", lines[^1].Message, StringComparison.Ordinal);
    }
}
