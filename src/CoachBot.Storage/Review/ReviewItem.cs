namespace CoachBot.Storage.Review;

/// <summary>
/// One thing a member got wrong, scheduled for spaced review. Unique on (<see cref="UserKey"/>, <see cref="Kind"/>,
/// <see cref="SourceId"/>): missing the same question again reschedules the existing item instead of adding another.
/// The scheduling fields (<see cref="EaseFactor"/>, <see cref="Repetitions"/>, <see cref="IntervalDays"/>,
/// <see cref="DueAt"/>) are SM-2's; the store only keeps them, the Coaching review scheduler computes them.
/// </summary>
public sealed class ReviewItem
{
    public const int IdLength = 32;
    public const int SourceIdLength = 160;
    public const int PromptLength = 2000;
    public const int AnswerLength = 4000;

    public string Id { get; set; } = "";

    /// <summary><c>platform:userId</c>.</summary>
    public string UserKey { get; set; } = "";

    /// <summary><c>platform:communityId</c> where the miss happened (the latest one).</summary>
    public string CommunityKey { get; set; } = "";

    public ReviewItemKind Kind { get; set; }

    /// <summary>Quiz: the bank question id. Flashcard: <c>interview question id#point hash</c>.</summary>
    public string SourceId { get; set; } = "";

    /// <summary>The quiz skill the item counts for (interview tracks are mapped to skills).</summary>
    public string Skill { get; set; } = "";

    /// <summary>The guide section covering it, <c>guide-id#section-slug</c>, or "".</summary>
    public string Reference { get; set; } = "";

    /// <summary>Flashcards: the interview question and the missed point. Quiz items: "" (the bank has the question).</summary>
    public string Prompt { get; set; } = "";

    /// <summary>Flashcards: the model answer shown after the member answers. Quiz items: "".</summary>
    public string Answer { get; set; } = "";

    public double EaseFactor { get; set; } = 2.5;

    /// <summary>Successful reviews in a row since the last miss.</summary>
    public int Repetitions { get; set; }

    public int IntervalDays { get; set; }

    public DateTimeOffset DueAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastReviewedAt { get; set; }

    /// <summary>How many times the member missed it (the first miss included).</summary>
    public int Lapses { get; set; }

    /// <summary>Optimistic concurrency token, bumped on every change: a double click reschedules once.</summary>
    public int Version { get; set; }

    /// <summary>A detached copy (every field is a value or an immutable string).</summary>
    public ReviewItem Copy() => (ReviewItem)MemberwiseClone();

    /// <summary>A copy carrying a new SM-2 schedule, the version unchanged (what <see cref="IReviewItemStore.RecordReviewAsync"/> takes).</summary>
    public ReviewItem WithSchedule(double easeFactor, int repetitions, int intervalDays, DateTimeOffset dueAt)
    {
        var copy = Copy();
        copy.EaseFactor = easeFactor;
        copy.Repetitions = repetitions;
        copy.IntervalDays = intervalDays;
        copy.DueAt = dueAt;
        return copy;
    }
}
