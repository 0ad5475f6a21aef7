using System.Globalization;
using CoachBot.Coaching.Interview.Bank;
using CoachBot.Coaching.Interview.Feedback;
using CoachBot.Core.Commands;
using CoachBot.Core.Conversations;
using CoachBot.Core.Replies;
using CoachBot.Storage.Interview;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Coaching.Interview.Flow;

/// <summary>
/// Runs mock interviews, the same on every platform: start, answer (the person's next message in that conversation),
/// skip, end. Every step is stored before the reply goes out, so a restart resumes at the same question. An interview
/// belongs to one user in one channel and thread; one started in a channel is bound to the thread of the first answer
/// posted in a thread of that channel (adapters open a thread for <see cref="ReplyPlacement.Thread"/> replies).
/// Interviews idle longer than <see cref="InterviewOptions.IdleTimeoutMinutes"/> expire.
/// </summary>
public sealed partial class InterviewService(
    InterviewBank bank,
    IInterviewStore store,
    InterviewFeedbackService feedback,
    InterviewSummaryBuilder summaries,
    InterviewTopicSources sources,
    InterviewLocks locks,
    InterviewAnswersInProgress grading,
    TimeProvider time,
    IOptions<InterviewOptions> options,
    ILogger<InterviewService> logger,
    Review.IMissedItemRecorder? missedItems = null,
    Storage.Community.CommunityMembership? membership = null)
{
    private readonly InterviewOptions _options = options.Value;

    public async Task<IReadOnlyList<Reply>> StartAsync(CommandContext context, string? levelText, string? trackText, int? questions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        InterviewLevel level;
        if (levelText is null)
        {
            level = InterviewLevels.ParseOrDefault(_options.DefaultLevel, InterviewLevel.Junior);
        }
        else if (InterviewLevels.TryParse(levelText, out var parsed))
        {
            level = parsed.Value;
        }
        else
        {
            return Reply.One(Reply.Ephemeral($"I don't know the level `{Clip(levelText)}`. Choose junior, mid, senior or lead."));
        }

        if (trackText is null)
        {
            // No track chosen: offer them (one click), with the level and count already given riding along.
            return Reply.One(InterviewPicker.Create(levelText is null ? null : level, questions, ButtonOwner.Tag(context.User)));
        }

        var track = InterviewTracks.Normalize(trackText);
        if (track is null)
        {
            return Reply.One(Reply.Ephemeral(
                $"I don't know the track `{Clip(trackText!)}`. Choose one of: {string.Join(", ", InterviewTracks.All)} (or leave it out for a mix)."));
        }

        var count = Math.Clamp(questions ?? _options.DefaultQuestions, InterviewOptions.MinQuestions, InterviewOptions.MaxQuestions);
        var channelKey = context.Conversation.Channel.ToString();
        using var held = await locks.AcquireAsync(context.User.Key, channelKey, cancellationToken);
        var now = time.GetUtcNow();
        var existing = await FindAsync(context, cancellationToken);
        if (existing is not null)
        {
            if (!IsIdle(existing, now))
            {
                var current = CurrentQuestion(existing);
                return Reply.One(InterviewReplies.AlreadyRunning(current, existing.CurrentIndex, existing.QuestionCount));
            }

            await CloseAsync(existing, InterviewSessionStatus.Expired, now, cancellationToken);
        }

        var chosen = bank.Select(level, track, count, Random.Shared);
        if (chosen.Count == 0)
        {
            return Reply.One(Reply.Ephemeral("I have no questions for that combination yet. Try another track or level."));
        }

        var session = new InterviewSessionRecord
        {
            Id = Guid.NewGuid().ToString("N"),
            CommunityKey = context.Conversation.CommunityKey,
            ChannelKey = channelKey,
            ThreadId = context.Conversation.ThreadId ?? string.Empty,
            UserKey = context.User.Key,
            Level = InterviewLevels.Name(level),
            Track = track,
            QuestionIds = string.Join('\n', chosen.Select(q => q.Id)),
            QuestionCount = chosen.Count,
            CurrentIndex = 0,
            Status = InterviewSessionStatus.Active,
            StartedAt = now,
            LastActivityAt = now,
        };
        if (!await store.TryCreateAsync(session, cancellationToken))
        {
            return Reply.One(InterviewReplies.AlreadyRunning(null, 0, 0));
        }

        LogStarted(context.User.Key, session.Id, session.Level, track, chosen.Count);
        if (membership is not null)
        {
            await membership.NoteAsync(context.User, context.Conversation, cancellationToken);
        }

        var intro = string.Create(CultureInfo.InvariantCulture,
            $"Let's do a {chosen.Count}-question {InterviewLevels.Display(level)} mock interview on {InterviewTracks.Display(track)}. I'll ask one question at a time and give feedback on each answer.");
        return Reply.One(InterviewReplies.Question(chosen[0], 0, chosen.Count, intro));
    }

    /// <summary>
    /// Takes a free-text message as the answer to the current question; null when the caller has no interview here.
    /// The lock covers the store reads and writes only: the answer is claimed under it (an "answer in progress" mark on
    /// the session), graded without it (the model may take seconds), and stored under it again with the session's
    /// version check. A second message while the first is graded is refused, never graded twice.
    /// </summary>
    public async Task<IReadOnlyList<Reply>?> TryAnswerAsync(CommandContext context, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        // "Is there an interview here?" is asked of most messages in the bot's threads and DMs: a plain read, no lock.
        if (await FindAsync(context, cancellationToken) is null)
        {
            return null;
        }

        var claim = await ClaimAnswerAsync(context, cancellationToken);
        if (claim.Replies is not null || claim.Session is null || claim.Question is null)
        {
            return claim.Replies;
        }

        var session = claim.Session;
        try
        {
            var evaluation = await feedback.EvaluateAsync(
                claim.Question, text, context.Conversation.QuotaKey(context.User.Key), cancellationToken);
            using var held = await locks.AcquireAsync(context.User.Key, session.ChannelKey, cancellationToken);
            if (evaluation.Feedback is not { } result)
            {
                session.LastActivityAt = claim.At;
                await store.SaveAsync(session, null, cancellationToken);
                return Reply.One(InterviewReplies.Nudge(evaluation.Verdict, claim.Question, session.CurrentIndex, session.QuestionCount));
            }

            var answer = new InterviewAnswerRecord
            {
                QuestionIndex = session.CurrentIndex,
                QuestionId = claim.Question.Id,
                Outcome = InterviewAnswerOutcome.Scored,
                Score = result.Score,
                Strengths = Truncate(string.Join('\n', result.Strengths)),
                MissingPoints = Truncate(string.Join('\n', result.MissingPoints)),
                FeedbackSource = result.Source == FeedbackSource.Llm ? "llm" : "offline",
                AnsweredAt = claim.At,
            };
            var replies = new List<Reply> { InterviewReplies.Feedback(result, session.CurrentIndex, session.QuestionCount) };
            var advanced = await AdvanceAsync(session, answer, claim.At, replies, cancellationToken);
            // Only points the LLM graded as missed become flashcards: offline feedback measures coverage, not correctness.
            // AdvanceAsync hands back the same list once the answer is stored (a new one when it was not).
            if (ReferenceEquals(advanced, replies) && result.Source == FeedbackSource.Llm && result.MissingPoints.Count > 0 && missedItems is not null)
            {
                await missedItems.InterviewPointsMissedAsync(context, claim.Question, result.MissingPoints, result.ImprovedOutline, cancellationToken);
            }

            return advanced;
        }
        finally
        {
            grading.End(session.Id);
        }
    }

    /// <summary>
    /// Under the lock: re-reads the interview, expires an idle one, binds the thread and marks the current answer as in
    /// progress. Returns either the replies to send now (nothing to grade) or the session and question to grade.
    /// </summary>
    private async Task<AnswerClaim> ClaimAnswerAsync(CommandContext context, CancellationToken cancellationToken)
    {
        using var held = await locks.AcquireAsync(context.User.Key, context.Conversation.Channel.ToString(), cancellationToken);
        var session = await FindAsync(context, cancellationToken);
        if (session is null)
        {
            return new AnswerClaim(null, null, null, default);
        }

        var now = time.GetUtcNow();
        if (grading.IsGrading(session.Id))
        {
            LogStillGrading(session.Id);
            return new AnswerClaim(Reply.One(InterviewReplies.StillGrading(session.CurrentIndex, session.QuestionCount)), null, null, now);
        }

        if (IsIdle(session, now))
        {
            await CloseAsync(session, InterviewSessionStatus.Expired, now, cancellationToken);
            return new AnswerClaim(Reply.One(InterviewReplies.Expired(_options.IdleTimeoutMinutes)), null, null, now);
        }

        BindThread(session, context);
        var question = CurrentQuestion(session);
        if (question is null)
        {
            return new AnswerClaim(await SkipCurrentAsync(session, now, cancellationToken), null, null, now);
        }

        // Cannot fail: checked above under the same lock, and only this class marks sessions.
        grading.TryBegin(session.Id);
        return new AnswerClaim(null, session, question, now);
    }

    private sealed record AnswerClaim(IReadOnlyList<Reply>? Replies, InterviewSessionRecord? Session, InterviewQuestion? Question, DateTimeOffset At);

    public async Task<IReadOnlyList<Reply>> SkipAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var channelKey = context.Conversation.Channel.ToString();
        using var held = await locks.AcquireAsync(context.User.Key, channelKey, cancellationToken);
        var session = await FindAsync(context, cancellationToken);
        if (session is null)
        {
            return Reply.One(InterviewReplies.NoInterview());
        }

        if (grading.IsGrading(session.Id))
        {
            // The answer being graded is for the question a skip would pass over: let the grade land first.
            return Reply.One(InterviewReplies.StillGrading(session.CurrentIndex, session.QuestionCount));
        }

        var now = time.GetUtcNow();
        if (IsIdle(session, now))
        {
            await CloseAsync(session, InterviewSessionStatus.Expired, now, cancellationToken);
            return Reply.One(InterviewReplies.Expired(_options.IdleTimeoutMinutes));
        }

        BindThread(session, context);
        return await SkipCurrentAsync(session, now, cancellationToken);
    }

    public async Task<IReadOnlyList<Reply>> EndAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var channelKey = context.Conversation.Channel.ToString();
        using var held = await locks.AcquireAsync(context.User.Key, channelKey, cancellationToken);
        var session = await FindAsync(context, cancellationToken);
        if (session is null)
        {
            return Reply.One(InterviewReplies.NoInterview());
        }

        var now = time.GetUtcNow();
        var status = IsIdle(session, now) ? InterviewSessionStatus.Expired : InterviewSessionStatus.Ended;
        BindThread(session, context);
        if (!await CloseAsync(session, status, now, cancellationToken))
        {
            return Reply.One(Reply.Ephemeral("That crossed with another message of yours; please try `/interview end` again."));
        }

        return Reply.One(InterviewReplies.Summary(summaries.Build(session)));
    }

    private async Task<IReadOnlyList<Reply>> SkipCurrentAsync(InterviewSessionRecord session, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var question = CurrentQuestion(session);
        var answer = new InterviewAnswerRecord
        {
            QuestionIndex = session.CurrentIndex,
            QuestionId = session.QuestionIdList()[session.CurrentIndex],
            Outcome = InterviewAnswerOutcome.Skipped,
            FeedbackSource = "offline",
            AnsweredAt = now,
        };
        var replies = new List<Reply>();
        if (question is not null)
        {
            var citation = sources.ReferenceCitation(question);
            replies.Add(InterviewReplies.Skipped(question, session.CurrentIndex, session.QuestionCount, citation is null ? [] : [citation]));
        }

        return await AdvanceAsync(session, answer, now, replies, cancellationToken);
    }

    /// <summary>Records the answer, moves to the next question (or finishes with the summary) and stores it all at once.</summary>
    private async Task<IReadOnlyList<Reply>> AdvanceAsync(
        InterviewSessionRecord session,
        InterviewAnswerRecord answer,
        DateTimeOffset now,
        List<Reply> replies,
        CancellationToken cancellationToken)
    {
        session.CurrentIndex++;
        session.LastActivityAt = now;
        var finished = session.CurrentIndex >= session.QuestionCount;
        session.Answers.Add(answer);
        if (finished)
        {
            Finish(session, InterviewSessionStatus.Completed, now);
        }

        if (!await store.SaveAsync(session, answer, cancellationToken))
        {
            LogConflict(session.Id);
            return Reply.One(new Reply
            {
                Text = "I was still working on your previous message, so I didn't record this one. Please send it again.",
                Placement = ReplyPlacement.Thread,
            });
        }

        if (finished)
        {
            LogFinished(session.UserKey, session.Id, session.Status, session.AverageScore ?? 0);
            replies.Add(InterviewReplies.Summary(summaries.Build(session)));
        }
        else if (CurrentQuestion(session) is { } next)
        {
            replies.Add(InterviewReplies.Question(next, session.CurrentIndex, session.QuestionCount));
        }

        return replies;
    }

    private async Task<bool> CloseAsync(InterviewSessionRecord session, InterviewSessionStatus status, DateTimeOffset now, CancellationToken cancellationToken)
    {
        Finish(session, status, now);
        var saved = await store.SaveAsync(session, null, cancellationToken);
        if (saved)
        {
            LogFinished(session.UserKey, session.Id, status, session.AverageScore ?? 0);
        }

        return saved;
    }

    private static void Finish(InterviewSessionRecord session, InterviewSessionStatus status, DateTimeOffset now)
    {
        session.Status = status;
        session.EndedAt = now;
        var scored = session.Answers.Where(a => a is { Outcome: InterviewAnswerOutcome.Scored, Score: not null }).ToList();
        if (scored.Count > 0 && InterviewLevels.TryParse(session.Level, out var level))
        {
            var average = scored.Average(a => a.Score!.Value);
            session.AverageScore = Math.Round(average, 2);
            session.LevelEstimate = InterviewLevels.Name(InterviewLevelEstimator.Estimate(level.Value, average));
        }
    }

    /// <summary>
    /// The caller's interview for this conversation: the one in this exact thread, or (from inside a thread) one started
    /// in the channel and not yet bound to a thread.
    /// </summary>
    private async Task<InterviewSessionRecord?> FindAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var sessions = await store.FindActiveAsync(context.User.Key, context.Conversation.Channel.ToString(), cancellationToken);
        var thread = context.Conversation.ThreadId ?? string.Empty;
        return sessions.FirstOrDefault(s => s.ThreadId == thread)
            ?? (thread.Length > 0 ? sessions.FirstOrDefault(s => s.ThreadId.Length == 0) : null);
    }

    private static void BindThread(InterviewSessionRecord session, CommandContext context)
    {
        if (session.ThreadId.Length == 0 && context.Conversation.ThreadId is { Length: > 0 } thread)
        {
            session.ThreadId = thread;
        }
    }

    private bool IsIdle(InterviewSessionRecord session, DateTimeOffset now) => now - session.LastActivityAt > _options.IdleTimeout;

    private InterviewQuestion? CurrentQuestion(InterviewSessionRecord session)
    {
        var ids = session.QuestionIdList();
        return session.CurrentIndex < ids.Count ? bank.Find(ids[session.CurrentIndex]) : null;
    }

    private static string Truncate(string text) =>
        text.Length <= InterviewAnswerRecord.PointsLength ? text : text[..InterviewAnswerRecord.PointsLength];

    private static string Clip(string text) => (text.Length <= 32 ? text : text[..32] + "…").Replace('`', '\'');

    [LoggerMessage(Level = LogLevel.Information, Message = "Interview {SessionId} started for {User}: {Level} {Track}, {Count} questions")]
    private partial void LogStarted(string user, string sessionId, string level, string track, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Interview {SessionId} for {User} finished: {Status}, average {Average}")]
    private partial void LogFinished(string user, string sessionId, InterviewSessionStatus status, double average);

    [LoggerMessage(Level = LogLevel.Information, Message = "Interview {SessionId}: a message arrived while the previous answer was being graded; refused")]
    private partial void LogStillGrading(string sessionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Interview {SessionId} changed concurrently; the message was not recorded")]
    private partial void LogConflict(string sessionId);
}
