using System.Security.Cryptography;
using System.Text;
using CoachBot.Coaching.Interview.Bank;
using CoachBot.Coaching.Interview.Flow;
using CoachBot.Coaching.Quiz.Bank;
using CoachBot.Core.Conversations;
using CoachBot.Storage.Review;

namespace CoachBot.Coaching.Review;

/// <summary>Stores misses as review items scheduled by <see cref="Sm2Scheduler"/> (due at once).</summary>
public sealed class MissedItemRecorder(IReviewItemStore store, QuizSuggester skills, TimeProvider time) : IMissedItemRecorder
{
    public async Task QuizQuestionMissedAsync(CommandContext context, QuizQuestion question, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(question);
        await AddAsync(context, ReviewItemKind.QuizQuestion, question.Id, question.Skill, question.Reference, "", "", cancellationToken);
    }

    public async Task InterviewPointsMissedAsync(
        CommandContext context,
        InterviewQuestion question,
        IReadOnlyList<string> missedPoints,
        IReadOnlyList<string> modelAnswer,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(missedPoints);
        ArgumentNullException.ThrowIfNull(modelAnswer);
        var skill = skills.SkillFor(question.Track) ?? question.Track;
        var answer = Clip(string.Join('\n', modelAnswer.Select(line => "- " + line)), ReviewItem.AnswerLength);
        foreach (var point in missedPoints.Where(p => !string.IsNullOrWhiteSpace(p)).Distinct(StringComparer.Ordinal))
        {
            var prompt = Clip($"{question.Question}\n\nKey point: {point.Trim()}", ReviewItem.PromptLength);
            await AddAsync(context, ReviewItemKind.Flashcard, FlashcardSource(question.Id, point), skill, question.Reference, prompt, answer, cancellationToken);
        }
    }

    private async Task AddAsync(
        CommandContext context, ReviewItemKind kind, string sourceId, string skill, string reference, string prompt, string answer, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var schedule = Sm2Scheduler.FirstMiss(now);
        await store.AddOrLapseAsync(
            new ReviewItem
            {
                Id = Guid.NewGuid().ToString("N"),
                UserKey = context.User.Key,
                CommunityKey = context.Conversation.CommunityKey,
                Kind = kind,
                SourceId = Clip(sourceId, ReviewItem.SourceIdLength),
                Skill = Clip(skill, Storage.StorageLimits.ItemIdLength),
                Reference = Clip(reference, Storage.StorageLimits.ReferenceLength),
                Prompt = prompt,
                Answer = answer,
                EaseFactor = schedule.EaseFactor,
                Repetitions = schedule.Repetitions,
                IntervalDays = schedule.IntervalDays,
                DueAt = schedule.DueAt,
                CreatedAt = now,
            },
            cancellationToken);
    }

    /// <summary>The same missed point of the same question maps to the same item (a hash of its normalised text).</summary>
    private static string FlashcardSource(string questionId, string point)
    {
        var normalised = string.Join(' ', point.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalised)))[..16];
        return $"{Clip(questionId, ReviewItem.SourceIdLength - 17)}#{hash}";
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
