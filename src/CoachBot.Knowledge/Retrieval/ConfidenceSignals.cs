namespace CoachBot.Knowledge.Retrieval;

/// <summary>
/// The evidence behind a confidence figure, each in [0, 1] and weighted by how informative the question's words are
/// (inverse document frequency; a word the guides never use weighs the most):
/// <see cref="VocabularyCoverage"/> — how much of the question the knowledge base knows at all;
/// <see cref="TopPassageCoverage"/> — how much of it the best passage (text, headings or expansion questions) contains;
/// <see cref="MatchStrength"/> — the best passage's score against what a real answer typically scores.
/// </summary>
public sealed record ConfidenceSignals(double VocabularyCoverage, double TopPassageCoverage, double MatchStrength, double Confidence)
{
    public static ConfidenceSignals None { get; } = new(0, 0, 0, 0);
}
