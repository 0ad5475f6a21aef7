using CoachBot.Storage.Interview;

namespace CoachBot.Coaching.Interview.Flow;

/// <summary>An <see cref="IInterviewStore"/> in process memory (unit tests, or a host run without storage). Lost on restart.</summary>
public sealed class InMemoryInterviewStore : IInterviewStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, InterviewSessionRecord> _sessions = new(StringComparer.Ordinal);

    public Task<IReadOnlyList<InterviewSessionRecord>> FindActiveAsync(string userKey, string channelKey, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<InterviewSessionRecord> found = _sessions.Values
                .Where(s => s.UserKey == userKey && s.ChannelKey == channelKey && s.Status == InterviewSessionStatus.Active)
                .Select(Copy)
                .ToList();
            return Task.FromResult(found);
        }
    }

    public Task<bool> TryCreateAsync(InterviewSessionRecord session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        lock (_gate)
        {
            var clash = _sessions.Values.Any(s => s.Status == InterviewSessionStatus.Active && s.UserKey == session.UserKey &&
                                                  s.ChannelKey == session.ChannelKey && s.ThreadId == session.ThreadId);
            if (clash || _sessions.ContainsKey(session.Id))
            {
                return Task.FromResult(false);
            }

            _sessions[session.Id] = Copy(session);
            return Task.FromResult(true);
        }
    }

    public Task<bool> SaveAsync(InterviewSessionRecord session, InterviewAnswerRecord? newAnswer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        lock (_gate)
        {
            if (!_sessions.TryGetValue(session.Id, out var stored) || stored.Version != session.Version)
            {
                return Task.FromResult(false);
            }

            if (newAnswer is not null && stored.Answers.Any(a => a.QuestionIndex == newAnswer.QuestionIndex))
            {
                return Task.FromResult(false);
            }

            var updated = Copy(session);
            updated.Answers = [.. stored.Answers.Select(Copy)];
            if (newAnswer is not null)
            {
                var answer = Copy(newAnswer);
                answer.Id = _sessions.Values.Sum(s => s.Answers.Count) + 1;
                answer.SessionId = session.Id;
                updated.Answers.Add(answer);
            }

            updated.Version = stored.Version + 1;
            _sessions[session.Id] = updated;
            session.Version = updated.Version;
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<InterviewSessionRecord>> FinishedForUserAsync(string userKey, int limit, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<InterviewSessionRecord> found = _sessions.Values
                .Where(s => s.UserKey == userKey && s.Status != InterviewSessionStatus.Active)
                .OrderByDescending(s => s.EndedAt ?? s.LastActivityAt)
                .Take(limit)
                .Select(Copy)
                .ToList();
            return Task.FromResult(found);
        }
    }

    private static InterviewSessionRecord Copy(InterviewSessionRecord s) => new()
    {
        Id = s.Id,
        CommunityKey = s.CommunityKey,
        ChannelKey = s.ChannelKey,
        ThreadId = s.ThreadId,
        UserKey = s.UserKey,
        Level = s.Level,
        Track = s.Track,
        QuestionIds = s.QuestionIds,
        QuestionCount = s.QuestionCount,
        CurrentIndex = s.CurrentIndex,
        Status = s.Status,
        StartedAt = s.StartedAt,
        LastActivityAt = s.LastActivityAt,
        EndedAt = s.EndedAt,
        AverageScore = s.AverageScore,
        LevelEstimate = s.LevelEstimate,
        Version = s.Version,
        Answers = [.. s.Answers.Select(Copy)],
    };

    private static InterviewAnswerRecord Copy(InterviewAnswerRecord a) => new()
    {
        Id = a.Id,
        SessionId = a.SessionId,
        QuestionIndex = a.QuestionIndex,
        QuestionId = a.QuestionId,
        Outcome = a.Outcome,
        Score = a.Score,
        Strengths = a.Strengths,
        MissingPoints = a.MissingPoints,
        FeedbackSource = a.FeedbackSource,
        AnsweredAt = a.AnsweredAt,
    };
}
