namespace CoachBot.Storage.Quiz;

/// <summary>
/// One quiz a person is taking in one conversation. <see cref="Id"/> is what answer buttons carry; it names the session
/// but proves nothing, so every click is checked against <see cref="UserKey"/>, <see cref="Status"/> and
/// <see cref="CurrentIndex"/>. At most one <see cref="QuizSessionStatus.Active"/> session per user and conversation
/// (a filtered unique index enforces it).
/// </summary>
public sealed class QuizSession
{
    public const int IdLength = 32;

    public string Id { get; set; } = "";

    public string CommunityKey { get; set; } = "";

    public string ConversationKey { get; set; } = "";

    public string UserKey { get; set; } = "";

    public string Skill { get; set; } = "";

    /// <summary><c>easy</c>, <c>medium</c>, <c>hard</c>, or null for a mix.</summary>
    public string? Difficulty { get; set; }

    /// <summary>The bank question ids in the order asked, separated by '\n'.</summary>
    public string QuestionIds { get; set; } = "";

    public int QuestionCount { get; set; }

    /// <summary>The index of the question awaiting an answer (equals <see cref="QuestionCount"/> once all are answered).</summary>
    public int CurrentIndex { get; set; }

    public int CorrectCount { get; set; }

    public QuizSessionStatus Status { get; set; } = QuizSessionStatus.Active;

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset LastActivityAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>Optimistic concurrency token, bumped on every change.</summary>
    public int Version { get; set; }

    public List<QuizAnswer> Answers { get; set; } = [];

    public IReadOnlyList<string> QuestionIdList() =>
        QuestionIds.Length == 0 ? [] : QuestionIds.Split('\n');
}
