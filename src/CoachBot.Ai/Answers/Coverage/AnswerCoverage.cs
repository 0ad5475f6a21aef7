namespace CoachBot.Ai.Answers.Coverage;

/// <summary>How far the guides answer a question.</summary>
public enum AnswerCoverage
{
    /// <summary>The passages answer it.</summary>
    Answered,

    /// <summary>The passages are on the subject but miss a detail the question asks for (a place, a year, figures…).</summary>
    PartlyAnswered,

    /// <summary>Nothing in the guides answers it; the coach says so instead of quoting loosely related text.</summary>
    NotCovered,
}
