namespace CoachBot.Coaching.Quiz.Bank;

/// <summary>
/// The quiz skills people can ask for, for other features that point at <c>/quiz</c> (the interview's suggestion).
/// Registered by AddQuizFeature() only, so a host without the quiz feature has none and nothing suggests a quiz.
/// </summary>
public interface IQuizSkillCatalog
{
    /// <summary>The skill ids of the loaded bank (what <c>/quiz &lt;skill&gt;</c> accepts), in ordinal order.</summary>
    IReadOnlyList<string> SkillIds { get; }
}
