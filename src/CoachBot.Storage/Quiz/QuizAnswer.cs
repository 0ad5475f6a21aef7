namespace CoachBot.Storage.Quiz;

/// <summary>
/// One recorded answer. Unique on (<see cref="SessionId"/>, <see cref="QuestionIndex"/>), so a double or replayed
/// click can never count twice. Carries the user, community, skill and time so progress and leaderboards are
/// computed straight from answers.
/// </summary>
public sealed class QuizAnswer
{
    public long Id { get; set; }

    public string SessionId { get; set; } = "";

    public int QuestionIndex { get; set; }

    public string QuestionId { get; set; } = "";

    public string Skill { get; set; } = "";

    /// <summary>The guide section covering the question, <c>guide-id#section-slug</c>.</summary>
    public string Reference { get; set; } = "";

    public int ChosenOption { get; set; }

    public bool IsCorrect { get; set; }

    public string UserKey { get; set; } = "";

    public string CommunityKey { get; set; } = "";

    public DateTimeOffset AnsweredAt { get; set; }
}
