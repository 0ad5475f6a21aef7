using System.Collections.Concurrent;
using CoachBot.Core.Commands;
using CoachBot.Core.Dispatch;
using CoachBot.Core.Replies;

namespace CoachBot.Slack.Tests.Support;

/// <summary>Sessions of the test quiz: id → owner's user key.</summary>
public sealed class TestQuizSessions
{
    public ConcurrentDictionary<string, string> Owners { get; } = new();
}
