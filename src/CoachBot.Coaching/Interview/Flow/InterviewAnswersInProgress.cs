using System.Collections.Concurrent;

namespace CoachBot.Coaching.Interview.Flow;

/// <summary>
/// The interviews (by session id) whose current answer is being graded in this process. Taken under
/// <see cref="InterviewLocks"/> before the model is called and released after the grade is stored, so a second message
/// sent meanwhile is refused instead of graded twice. Several processes are covered by the store's version check: the
/// later grade is not stored.
/// </summary>
public sealed class InterviewAnswersInProgress
{
    private readonly ConcurrentDictionary<string, byte> _sessions = new(StringComparer.Ordinal);

    /// <summary>Marks the session's answer as being graded; false when one already is.</summary>
    public bool TryBegin(string sessionId) => _sessions.TryAdd(sessionId, 0);

    public bool IsGrading(string sessionId) => _sessions.ContainsKey(sessionId);

    public void End(string sessionId) => _sessions.TryRemove(sessionId, out _);
}
