using System.Globalization;
using System.Text;
using CoachBot.Coaching.Competency;
using CoachBot.Coaching.Quiz;
using CoachBot.Coaching.Quiz.Bank;
using CoachBot.Core.Conversations;
using CoachBot.Core.Replies;
using CoachBot.Knowledge.Guides;
using CoachBot.Storage.Review;
using Microsoft.Extensions.Logging;

namespace CoachBot.Coaching.Review;

/// <summary>
/// <c>/review</c>, written once for every platform: asks the member's due items one at a time (quiz questions with the
/// quiz's answer buttons, options in a new order each time; flashcards with "knew it" / "didn't"), reschedules each by
/// the answer with <see cref="Sm2Scheduler"/>, and says when the next ones are due.
/// </summary>
public sealed partial class ReviewService(
    IReviewItemStore store,
    QuizBank bank,
    GuideCatalog catalog,
    ICompetencyMap competencies,
    TimeProvider time,
    ILogger<ReviewService> logger,
    Storage.Community.CommunityMembership? membership = null)
{
    public const string KnewItLabel = "✅ Knew it";
    public const string DidNotLabel = "❌ Didn't";

    public async Task<Reply> StartAsync(CommandContext context, int count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var now = time.GetUtcNow();
        var due = await AskableAsync(context.User.Key, now, count, null, cancellationToken);
        if (due.Count == 0)
        {
            return new Reply
            {
                Title = "Review",
                Text = await NothingDueAsync(context, now, cancellationToken),
                Visibility = ReplyVisibility.Ephemeral,
            };
        }

        return Ask(due[0], due.Count - 1, null) with { Visibility = ReplyVisibility.Ephemeral };
    }

    public async Task<IReadOnlyList<Reply>> AnswerAsync(CommandContext context, ReviewClick click, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var item = await store.FindAsync(click.ItemId, cancellationToken);
        if (item is null)
        {
            LogRefused(context.User.Key, "unknown item");
            return Reply.One(QuizReplies.Refusal("That review item no longer exists. Nothing was changed. Type `/review` for what is due."));
        }

        if (!string.Equals(item.UserKey, context.User.Key, StringComparison.Ordinal))
        {
            LogRefused(context.User.Key, "not the owner");
            return Reply.One(QuizReplies.Refusal("That review belongs to someone else, so I didn't count your click. Type `/review` for your own."));
        }

        if (item.Version != click.Version || click.IsFlashcard != (item.Kind == ReviewItemKind.Flashcard))
        {
            return Reply.One(QuizReplies.Refusal("You already answered that one; it counted once. Type `/review` for what is due now."));
        }

        string feedback;
        bool correct;
        var sources = new List<Citation>();
        if (item.Kind == ReviewItemKind.QuizQuestion)
        {
            var question = QuestionOf(item);
            if (question is null || click.Choice >= question.Options.Count)
            {
                LogRefused(context.User.Key, "question not in the bank");
                return Reply.One(QuizReplies.Refusal("That question isn't in the quiz bank any more. Nothing was changed."));
            }

            correct = click.Choice == question.CorrectIndex;
            feedback = QuizReplies.Feedback(question, click.Choice);
        }
        else
        {
            correct = click.Choice == 1;
            feedback = (correct ? "✅ **Good.**" : "❌ **Noted: it comes back tomorrow.**") + " The model answer:\n" + item.Answer;
        }

        if (catalog.FindSection(item.Reference) is { } section)
        {
            sources.Add(section.ToCitation());
        }

        var now = time.GetUtcNow();
        var schedule = Sm2Scheduler.AfterAnswer(new ReviewSchedule(item.EaseFactor, item.Repetitions, item.IntervalDays, item.DueAt), correct, now);
        var rescheduled = item.WithSchedule(schedule.EaseFactor, schedule.Repetitions, schedule.IntervalDays, schedule.DueAt);
        var answer = new ReviewAnswer { UserKey = item.UserKey, CommunityKey = context.Conversation.CommunityKey, IsCorrect = correct, AnsweredAt = now };
        if (!await store.RecordReviewAsync(rescheduled, answer, cancellationToken))
        {
            return Reply.One(QuizReplies.Refusal("You already answered that one; it counted once. Type `/review` for what is due now."));
        }

        LogReviewed(item.Id, correct, schedule.DueAt);
        if (membership is not null)
        {
            await membership.NoteAsync(context.User, context.Conversation, cancellationToken);
        }

        var text = new StringBuilder(feedback)
            .Append("\n\n").Append(NextTimeOf(schedule, now));
        var next = click.Left > 0 ? await AskableAsync(context.User.Key, now, click.Left, item.Id, cancellationToken) : [];
        if (next.Count > 0)
        {
            var question = Ask(next[0], Math.Min(click.Left, next.Count) - 1, null);
            return Reply.One(question with
            {
                Text = text.Append("\n\n---\n\n").Append(question.Text).ToString(),
                Sources = sources,
                Placement = ReplyPlacement.UpdateSource,
                Visibility = ReplyVisibility.Ephemeral,
            });
        }

        text.Append("\n\n---\n\n").Append(await RoundOverAsync(context.User.Key, now, cancellationToken));
        return Reply.One(new Reply
        {
            Title = "Review · Done",
            Text = text.ToString(),
            Sources = sources,
            Placement = ReplyPlacement.UpdateSource,
            Visibility = ReplyVisibility.Ephemeral,
        });
    }

    /// <summary>Due items that can be asked (quiz items whose question is still in the bank), skipping <paramref name="except"/>.</summary>
    private async Task<List<ReviewItem>> AskableAsync(string userKey, DateTimeOffset now, int count, string? except, CancellationToken cancellationToken)
    {
        var due = await store.DueAsync(userKey, now, count + 1, cancellationToken);
        return due.Where(i => i.Id != except && (i.Kind == ReviewItemKind.Flashcard || QuestionOf(i) is not null)).Take(count).ToList();
    }

    private Reply Ask(ReviewItem item, int left, string? footer)
    {
        var title = string.Create(CultureInfo.InvariantCulture, $"Review · {left + 1} to go");
        if (item.Kind == ReviewItemKind.Flashcard)
        {
            return new Reply
            {
                Title = title,
                Text = $"**Flashcard** from a mock interview\n\n{item.Prompt}\n\nSay it to yourself first, then tell me whether you knew it; I'll show the model answer.",
                Buttons =
                [
                    new ReplyButton(ReviewButtons.Flashcard(item, left, knewIt: true), KnewItLabel, ButtonStyle.Success),
                    new ReplyButton(ReviewButtons.Flashcard(item, left, knewIt: false), DidNotLabel, ButtonStyle.Danger),
                ],
                Footer = footer ?? "Missed before; asked again so it sticks.",
            };
        }

        var question = QuestionOf(item)!;
        var skill = bank.FindSkill(item.Skill) ?? bank.FindSkill(question.Skill);
        return new Reply
        {
            Title = title,
            Text = skill is null ? question.Text : QuizReplies.QuestionText(skill, question),
            Buttons = QuizReplies.OptionButtons(question, option => ReviewButtons.QuizAnswer(item, left, option)),
            Footer = footer ?? "You missed this one before; the options are in a new order.",
        };
    }

    /// <summary>The bank question in this review's option order: a new order after every answer (the item's version changes).</summary>
    private QuizQuestion? QuestionOf(ReviewItem item) =>
        item.Kind == ReviewItemKind.QuizQuestion
            ? bank.FindQuestion(item.SourceId)?.ForSession(string.Create(CultureInfo.InvariantCulture, $"review/{item.Id}/{item.Version}"))
            : null;

    private async Task<string> NothingDueAsync(CommandContext context, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var text = new StringBuilder("Nothing is due for review right now.");
        var next = await store.NextDueAfterAsync(context.User.Key, now, cancellationToken);
        if (next is { } at)
        {
            text.Append(" The ").Append(DueText(at, now)).Append('.');
        }

        var map = await competencies.ForMemberAsync(context.Conversation.CommunityKey, context.User.Key, cancellationToken);
        var ranked = map.WeakestFirst();
        var weakest = ranked.Count > 0 ? ranked[0] : null;
        if (weakest is null)
        {
            var first = bank.Skills.Count > 0 ? bank.Skills[0].Id : "databases";
            text.Append(CultureInfo.InvariantCulture, $"\n\nTake a quiz and what you miss comes back here: try `/quiz {first}`.");
        }
        else
        {
            text.Append(CultureInfo.InvariantCulture,
                $"\n\nPractise your weakest skill meanwhile: **{weakest.Title}** ({PercentOf(weakest.Level)} over {weakest.AnswerCount} answer{(weakest.AnswerCount == 1 ? "" : "s")}). Try `/quiz {weakest.Skill}`.");
        }

        return text.ToString();
    }

    private async Task<string> RoundOverAsync(string userKey, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var dueNow = await store.DueCountAsync(userKey, now, cancellationToken);
        if (dueNow > 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"**Round done.** {dueNow} more due now: type `/review` to go on.");
        }

        var next = await store.NextDueAfterAsync(userKey, now, cancellationToken);
        return next is { } at
            ? $"**Round done.** Nothing else is due; the {DueText(at, now)}."
            : "**Round done.** Nothing else is scheduled.";
    }

    private static string NextTimeOf(ReviewSchedule schedule, DateTimeOffset now) =>
        string.Create(CultureInfo.InvariantCulture,
            $"_Next review of this one: in {schedule.IntervalDays} day{(schedule.IntervalDays == 1 ? "" : "s")} ({schedule.DueAt.UtcDateTime:yyyy-MM-dd})._");

    private static string DueText(DateTimeOffset at, DateTimeOffset now)
    {
        var wait = at - now;
        var when = wait < TimeSpan.FromHours(1) ? "within the hour"
            : wait < TimeSpan.FromDays(1) ? string.Create(CultureInfo.InvariantCulture, $"in {(int)Math.Ceiling(wait.TotalHours)} hours")
            : string.Create(CultureInfo.InvariantCulture, $"on {at.UtcDateTime:yyyy-MM-dd HH:mm} UTC");
        return "next review is due " + when;
    }

    private static string PercentOf(double? level) =>
        level is { } value ? string.Create(CultureInfo.InvariantCulture, $"{Math.Round(value * 100):0}%") : "not tried";

    [LoggerMessage(Level = LogLevel.Debug, Message = "Review item {ItemId} answered (correct: {Correct}), next due {DueAt}")]
    private partial void LogReviewed(string itemId, bool correct, DateTimeOffset dueAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Review click from {User} refused: {Reason}")]
    private partial void LogRefused(string user, string reason);
}
