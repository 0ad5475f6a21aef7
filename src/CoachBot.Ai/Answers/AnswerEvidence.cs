using CoachBot.Knowledge.Retrieval;

namespace CoachBot.Ai.Answers;

/// <summary>
/// What retrieval found for an answer: its confidence that the guides cover the question and the passages it ranked,
/// with their scores, best first. Kept with the answer so feedback on it can say which guide sections were behind it.
/// </summary>
public sealed record AnswerEvidence(double Confidence, IReadOnlyList<PassageScore> Passages)
{
    /// <summary>How many ranked passages an answer keeps (the ones it could have drawn on).</summary>
    public const int MaxPassages = 8;

    public static AnswerEvidence None { get; } = new(0, []);

    public static AnswerEvidence From(RetrievalResult retrieval)
    {
        ArgumentNullException.ThrowIfNull(retrieval);
        return new AnswerEvidence(
            retrieval.Confidence,
            retrieval.Passages.Take(MaxPassages).Select(p => new PassageScore(p.Passage.Id, p.Score, p.Similarity)).ToArray());
    }
}
