using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CoachBot.Slack.Http;

/// <summary>
/// Logs refused (unverified) Slack requests at debug level, at most one line per reason per
/// <see cref="Interval"/>, with how many were left unlogged since: anyone can send these, so they must not flood the log.
/// </summary>
public sealed partial class SlackRejectedRequestLog(TimeProvider time, ILogger<SlackRejectedRequestLog> logger)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);

    public void Rejected(string reason, string path)
    {
        if (!logger.IsEnabled(LogLevel.Debug))
        {
            return;
        }

        var now = time.GetTimestamp();
        var window = _windows.GetOrAdd(reason, _ => new Window());
        long unlogged;
        lock (window)
        {
            if (window.LastLogged is { } last && time.GetElapsedTime(last, now) < Interval)
            {
                window.Unlogged++;
                return;
            }

            unlogged = window.Unlogged;
            window.Unlogged = 0;
            window.LastLogged = now;
        }

        LogRejected(reason, path, unlogged);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Refused a Slack request to {Path}: {Reason} ({Unlogged} more refused for this reason since the last such line)")]
    private partial void LogRejected(string reason, string path, long unlogged);

    private sealed class Window
    {
        public long? LastLogged { get; set; }

        public long Unlogged { get; set; }
    }
}
