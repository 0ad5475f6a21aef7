using CoachBot.Coaching.Quiz.Bank;
using CoachBot.Core.Commands;
using CoachBot.Core.Conversations;
using CoachBot.Core.Replies.Formatting;
using CoachBot.Core.Diagnostics;
using CoachBot.Core.Replies;
using CoachBot.Storage.Community;
using CoachBot.Storage.Quiz;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Coaching.Quiz;

/// <summary>
/// The quiz flow, written once for every platform: start (one active quiz per person per conversation), answer clicks
/// (owner, expiry and current-question checks; recorded before the reply is built; a repeated click counts once),
/// and the abandon-or-keep prompt.
/// </summary>
public sealed partial class QuizService(
    QuizBank bank,
    IQuizStore store,
    ICommunityMemberStore members,
    QuizReplies replies,
    IOptions<QuizOptions> options,
    TimeProvider time,
    ILogger<QuizService> logger,
    CoachMetrics? metrics = null,
    Review.IMissedItemRecorder? missedItems = null)
{
    private QuizOptions Options => options.Value;

    public async Task<IReadOnlyList<Reply>> StartAsync(
        CommandContext context, string? skillText, int? count, string? difficultyText, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var skill = bank.FindSkill(skillText);
        if (skill is null)
        {
            return Reply.One(QuizReplies.SkillPicker(bank.Skills, skillText, count, QuizDifficulty.Normalize(difficultyText), ButtonOwner.Tag(context.User)));
        }

        return await StartChosenAsync(context, skill, count, difficultyText, cancellationToken);
    }

    /// <summary>
    /// A click on the skill picker: <paramref name="choice"/> is a skill id, <see cref="QuizButtons.Surprise"/> or
    /// <see cref="QuizButtons.Weakest"/> (the skill with the lowest share of right answers in the caller's record, as in
    /// <c>/progress</c>). The picker is closed, then the quiz starts as if typed.
    /// </summary>
    public async Task<IReadOnlyList<Reply>> StartFromPickerAsync(
        CommandContext context, string choice, int? count, string? difficulty, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        string? note = null;
        QuizSkill? skill;
        switch (choice)
        {
            case QuizButtons.Surprise:
                skill = bank.Skills[Random.Shared.Next(bank.Skills.Count)];
                break;
            case QuizButtons.Weakest:
                var record = await store.SkillProgressAsync(context.User.Key, cancellationToken);
                var weakest = record.Where(r => bank.FindSkill(r.Skill) is not null)
                    .OrderBy(r => r.Accuracy).ThenByDescending(r => r.Answered).ThenBy(r => r.Skill, StringComparer.Ordinal)
                    .FirstOrDefault();
                skill = weakest is null ? null : bank.FindSkill(weakest.Skill);
                if (skill is null)
                {
                    skill = bank.Skills[Random.Shared.Next(bank.Skills.Count)];
                    note = "You have no quiz answers yet, so I picked one for you.";
                }
                else
                {
                    note = $"It's your weakest so far ({PercentFormat.Of(weakest!.Correct, weakest.Answered)} right).";
                }

                break;
            default:
                skill = bank.Skills.FirstOrDefault(s => string.Equals(s.Id, choice, StringComparison.Ordinal));
                break;
        }

        if (skill is null)
        {
            LogRefused(context.User.Key, "unknown skill on the picker");
            return Reply.One(QuizReplies.Refusal("That skill isn't in the quiz bank any more. Nothing was changed. Type `/quiz` for the current list."));
        }

        var started = await StartChosenAsync(context, skill, count, difficulty, cancellationToken);
        return [QuizReplies.PickerClosed(skill, note), .. started];
    }

    private async Task<IReadOnlyList<Reply>> StartChosenAsync(
        CommandContext context, QuizSkill skill, int? count, string? difficultyText, CancellationToken cancellationToken)
    {
        var questions = count ?? Options.DefaultQuestionCount;
        if (questions is < QuizOptions.MinQuestions or > QuizOptions.MaxQuestions)
        {
            return Reply.One(QuizReplies.Refusal(
                $"A quiz has {QuizOptions.MinQuestions} to {QuizOptions.MaxQuestions} questions, e.g. `/quiz {skill.Id} 5`."));
        }

        string? difficulty = null;
        if (!string.IsNullOrWhiteSpace(difficultyText) && !string.Equals(difficultyText.Trim(), QuizButtons.Mixed, StringComparison.OrdinalIgnoreCase))
        {
            difficulty = QuizDifficulty.Normalize(difficultyText);
            if (difficulty is null)
            {
                return Reply.One(QuizReplies.Refusal(
                    $"Difficulty is one of {string.Join(", ", QuizDifficulty.All)} (or leave it out for a mix), e.g. `/quiz {skill.Id} 5 easy`."));
            }
        }

        var active = await ActiveSessionAsync(context, cancellationToken);
        if (active is not null)
        {
            return Reply.One(QuizReplies.AbandonPrompt(active, bank.FindSkill(active.Skill), skill, questions, difficulty));
        }

        return await StartNewAsync(context, skill, questions, difficulty, ReplyPlacement.Reply, cancellationToken);
    }

    public async Task<IReadOnlyList<Reply>> AnswerAsync(
        CommandContext context, string sessionId, int questionIndex, int optionIndex, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var session = await store.FindAsync(sessionId, cancellationToken);
        if (session is null)
        {
            LogRefused(context.User.Key, "unknown session");
            return Reply.One(QuizReplies.Refusal("That quiz no longer exists (it may be from an old message). Nothing was changed. Start a new one with `/quiz`."));
        }

        if (!string.Equals(session.UserKey, context.User.Key, StringComparison.Ordinal))
        {
            LogRefused(context.User.Key, "not the owner");
            return Reply.One(QuizReplies.Refusal("That quiz belongs to someone else, so I didn't count your click. Start your own with `/quiz`!"));
        }

        var ids = session.QuestionIdList();
        var question = questionIndex < ids.Count ? bank.FindQuestion(ids[questionIndex])?.ForSession(session.Id) : null;
        var skill = bank.FindSkill(session.Skill);
        if (question is null || skill is null || optionIndex >= question.Options.Count)
        {
            LogRefused(context.User.Key, "question not in this quiz");
            return Reply.One(QuizReplies.Refusal("That answer doesn't belong to this quiz (the question bank may have changed). Nothing was changed; start a new quiz with `/quiz`."));
        }

        var submission = new AnswerSubmission(
            session.Id,
            context.User.Key,
            questionIndex,
            question.Id,
            skill.Id,
            question.Reference,
            optionIndex,
            optionIndex == question.CorrectIndex,
            time.GetUtcNow(),
            Options.IdleTimeout);

        // The answer is committed here, before any reply is built or sent.
        var result = await store.RecordAnswerAsync(submission, cancellationToken);
        switch (result.Outcome)
        {
            case RecordAnswerOutcome.Recorded:
                LogAnswered(session.Id, questionIndex, submission.IsCorrect);
                metrics?.QuizAnswer(submission.IsCorrect);
                if (!submission.IsCorrect && missedItems is not null && bank.FindQuestion(question.Id) is { } missed)
                {
                    // Recorded once: a repeated click is AlreadyAnswered and never gets here.
                    await missedItems.QuizQuestionMissedAsync(context, missed, cancellationToken);
                }

                var updated = result.Session!;
                var next = updated.Status == QuizSessionStatus.Active && updated.CurrentIndex < ids.Count
                    ? bank.FindQuestion(ids[updated.CurrentIndex])?.ForSession(session.Id)
                    : null;
                var answers = next is null ? await store.AnswersAsync(session.Id, cancellationToken) : [];
                return Reply.One(replies.AfterAnswer(updated, skill, question, optionIndex, next, answers));
            case RecordAnswerOutcome.AlreadyAnswered:
                return Reply.One(QuizReplies.Refusal(
                    $"You already answered question {questionIndex + 1}; it counted once. {WhereNext(result.Session)}"));
            case RecordAnswerOutcome.Expired:
                return Reply.One(QuizReplies.Refusal(
                    $"This quiz expired after {Options.IdleTimeoutMinutes} minutes without an answer, so I didn't record that click. Start a new one with `/quiz {skill.Id}`."));
            case RecordAnswerOutcome.NotActive:
                return Reply.One(QuizReplies.Refusal($"This quiz is already over ({Describe(result.Session)}). Nothing was changed. Start a new one with `/quiz {skill.Id}`."));
            case RecordAnswerOutcome.NotCurrent:
                return Reply.One(QuizReplies.Refusal($"That isn't the question you're on. Nothing was changed. {WhereNext(result.Session)}"));
            case RecordAnswerOutcome.NotOwner:
                return Reply.One(QuizReplies.Refusal("That quiz belongs to someone else, so I didn't count your click. Start your own with `/quiz`!"));
            default:
                return Reply.One(QuizReplies.Refusal("That quiz no longer exists. Nothing was changed. Start a new one with `/quiz`."));
        }
    }

    /// <summary>"Abandon and start new": ends the caller's old quiz (if it is still theirs and active) and starts the new one.</summary>
    public async Task<IReadOnlyList<Reply>> AbandonAndStartAsync(
        CommandContext context, string oldSessionId, string skillId, int count, string? difficulty, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var skill = bank.FindSkill(skillId);
        var old = await store.FindAsync(oldSessionId, cancellationToken);
        if (skill is null || count is < QuizOptions.MinQuestions or > QuizOptions.MaxQuestions
            || (old is not null && !string.Equals(old.UserKey, context.User.Key, StringComparison.Ordinal)))
        {
            LogRefused(context.User.Key, "bad abandon button");
            return Reply.One(QuizReplies.Refusal("That button isn't yours or is out of date. Nothing was changed. Type `/quiz` to start."));
        }

        if (old is not null && old.Status == QuizSessionStatus.Active)
        {
            await store.EndAsync(old.Id, QuizSessionStatus.Abandoned, time.GetUtcNow(), cancellationToken);
        }

        var active = await ActiveSessionAsync(context, cancellationToken);
        if (active is not null)
        {
            return Reply.One(QuizReplies.AbandonPrompt(active, bank.FindSkill(active.Skill), skill, count, difficulty));
        }

        return await StartNewAsync(context, skill, count, difficulty, ReplyPlacement.Reply, cancellationToken);
    }

    /// <summary>"Keep current": shows the current question of the caller's quiz again.</summary>
    public async Task<IReadOnlyList<Reply>> KeepAsync(CommandContext context, string sessionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var session = await store.FindAsync(sessionId, cancellationToken);
        if (session is null || !string.Equals(session.UserKey, context.User.Key, StringComparison.Ordinal))
        {
            return Reply.One(QuizReplies.Refusal("That button isn't yours or is out of date. Nothing was changed."));
        }

        var skill = bank.FindSkill(session.Skill);
        var ids = session.QuestionIdList();
        var question = session.CurrentIndex < ids.Count ? bank.FindQuestion(ids[session.CurrentIndex])?.ForSession(session.Id) : null;
        if (session.Status != QuizSessionStatus.Active || IsIdle(session) || skill is null || question is null)
        {
            return Reply.One(QuizReplies.Refusal("That quiz is no longer running. Start a new one with `/quiz`."));
        }

        return Reply.One(replies.Question(session, skill, question, session.CurrentIndex, "Your quiz continues where you left off."));
    }

    private async Task<IReadOnlyList<Reply>> StartNewAsync(
        CommandContext context, QuizSkill skill, int count, string? difficulty, ReplyPlacement placement, CancellationToken cancellationToken)
    {
        await members.TouchAsync(context.User, context.Conversation.CommunityKey, cancellationToken);
        var picked = QuizBank.Pick(skill, count, difficulty, Random.Shared);
        var now = time.GetUtcNow();
        var session = new QuizSession
        {
            Id = Guid.NewGuid().ToString("N"),
            CommunityKey = context.Conversation.CommunityKey,
            ConversationKey = context.Conversation.ToString(),
            UserKey = context.User.Key,
            Skill = skill.Id,
            Difficulty = difficulty,
            QuestionIds = string.Join('\n', picked.Select(q => q.Id)),
            QuestionCount = picked.Count,
            StartedAt = now,
            LastActivityAt = now,
        };
        var started = await store.StartAsync(session, cancellationToken);
        if (!started.Started)
        {
            return Reply.One(QuizReplies.AbandonPrompt(started.Session, bank.FindSkill(started.Session.Skill), skill, count, difficulty));
        }

        LogStarted(session.Id, skill.Id, picked.Count, context.User.Key);
        var shortOf = difficulty is null ? 0 : count - picked.Count(q => q.Difficulty == difficulty);
        var footer = shortOf > 0
            ? $"The bank has only {count - shortOf} {difficulty} question(s) on this skill, so the rest are of other difficulties."
            : null;
        var reply = replies.Question(session, skill, picked[0].ForSession(session.Id), 0, footer) with { Placement = placement };
        return Reply.One(reply);
    }

    /// <summary>The caller's active quiz in this conversation, after expiring it if it has been idle too long.</summary>
    private async Task<QuizSession?> ActiveSessionAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var active = await store.FindActiveAsync(context.User.Key, context.Conversation.ToString(), cancellationToken);
        if (active is not null && IsIdle(active))
        {
            await store.EndAsync(active.Id, QuizSessionStatus.Expired, time.GetUtcNow(), cancellationToken);
            return null;
        }

        return active;
    }

    private bool IsIdle(QuizSession session) => session.LastActivityAt + Options.IdleTimeout <= time.GetUtcNow();

    private static string WhereNext(QuizSession? session) =>
        session is { Status: QuizSessionStatus.Active }
            ? $"You're on question {session.CurrentIndex + 1}/{session.QuestionCount}."
            : "That quiz is finished; type `/progress` to see how you did.";

    private static string Describe(QuizSession? session) => session?.Status switch
    {
        QuizSessionStatus.Completed => "finished",
        QuizSessionStatus.Abandoned => "abandoned",
        QuizSessionStatus.Expired => "expired",
        _ => "over",
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Quiz {SessionId} started: {Skill}, {Count} questions, for {User}")]
    private partial void LogStarted(string sessionId, string skill, int count, string user);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Quiz {SessionId} question {Index} answered (correct: {Correct})")]
    private partial void LogAnswered(string sessionId, int index, bool correct);

    [LoggerMessage(Level = LogLevel.Information, Message = "Quiz click from {User} refused: {Reason}")]
    private partial void LogRefused(string user, string reason);
}
