namespace CoachBot.Coaching.Interview.Scoring;

/// <summary>
/// Cosine thresholds (all-MiniLM-L6-v2, unit vectors) for matching answer sentences to a question and its rubric
/// points. They were derived from the question bank and a calibration set of rubric-point paraphrases, never from the
/// labelled answers that measure the scorer (see docs/benchmarks.md, "Interview feedback (#12)", and
/// <c>eval-interview --calibrate</c>):
/// <list type="bullet">
/// <item><see cref="Covers"/>: a sentence this close to a rubric point makes that point on meaning alone. Chosen where
/// paraphrases of a point (knowledge/eval/rubric-paraphrases.jsonl, questions outside the labelled answer set) separate
/// best (Youden's J) from the same question's other points, the hardest negatives: 0.379 (J 0.673).</item>
/// <item><see cref="OnTopic"/>: a sentence at least this close to the question or to one of its points is about the
/// question: the 95th percentile of a rubric point's similarity to the questions of other tracks (0.272). A sentence this
/// close (alone or with a neighbour) also makes a point whose keyword it names: a keyword in a sentence about something
/// else does not count.</item>
/// </list>
/// A point's similarity is the better of its text as written and its text followed by its keywords
/// (<see cref="QuestionVectors.Similarity"/>); the figures above are measured that way.
/// </summary>
public sealed record RubricMatchThresholds(float Covers, float OnTopic)
{
    public static RubricMatchThresholds Default { get; } = new(Covers: 0.38f, OnTopic: 0.27f);

    /// <summary>Below this share of an answer's words in on-topic sentences, the answer is mostly unrelated: one point off.</summary>
    public const double MostlyUnrelatedBelow = 0.5;
}
