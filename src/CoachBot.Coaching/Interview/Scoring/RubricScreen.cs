using CoachBot.Coaching.Interview.Bank;

namespace CoachBot.Coaching.Interview.Scoring;

/// <summary>
/// The verdict of the offline check on one answer (<see cref="RubricScorer.Screen"/>): a nudge or scored, the same as
/// the whole check gives. When the verdict needed the whole check, it is kept; otherwise what the screen embedded is
/// kept, so <see cref="RubricScorer.Assess(RubricScreen, CancellationToken)"/> finishes the check without embedding
/// the sentences again.
/// </summary>
public sealed class RubricScreen
{
    private RubricScreen(InterviewQuestion question, string text, AnswerVerdict verdict, RubricAssessment? assessment, AnswerMeaning? meaning)
    {
        Question = question;
        Text = text;
        Verdict = verdict;
        Assessment = assessment;
        Meaning = meaning;
    }

    public AnswerVerdict Verdict { get; }

    public bool IsScored => Verdict == AnswerVerdict.Scored;

    /// <summary>True when the whole check has already run (a nudge, keywords only, or an answer mostly off the question).</summary>
    public bool IsComplete => Assessment is not null;

    internal InterviewQuestion Question { get; }

    internal string Text { get; }

    internal RubricAssessment? Assessment { get; }

    internal AnswerMeaning? Meaning { get; }

    internal static RubricScreen Done(InterviewQuestion question, string text, RubricAssessment assessment) =>
        new(question, text, assessment.Verdict, assessment, null);

    internal static RubricScreen ScoredPending(InterviewQuestion question, string text, AnswerMeaning meaning) =>
        new(question, text, AnswerVerdict.Scored, null, meaning);
}

/// <summary>An answer's sentences, their vectors, the question's vectors, and the share of its words on the question.</summary>
internal sealed record AnswerMeaning(IReadOnlyList<string> Sentences, float[][] SentenceVectors, QuestionVectors Target, double OnTopicShare);
