namespace CoachBot.Knowledge.Retrieval;

/// <summary>
/// Estimates whether the guides cover a question from retrieval signals alone (no phrase lists): a question about
/// the weather or a recipe consists mostly of words no guide uses, and what little it shares with the guides (a
/// common word like "best") is not what the best passage is about. Each content word counts by its inverse document
/// frequency, so rare and unknown words — the ones that say what a question is about — decide.
/// </summary>
public static class ConfidenceEstimator
{
    /// <summary>A word known only through a near spelling counts this much: it may be a typo, or a different word.</summary>
    private const double NearSpellingCredit = 0.5;

    /// <summary>
    /// An unknown word weighs this share of its (maximal) inverse document frequency: one slang word ("legit") should
    /// not sink a question whose other words are squarely about the guides, while a question made only of unknown
    /// words still scores zero.
    /// </summary>
    private const double UnknownWordFactor = 0.5;

    /// <summary>
    /// A best-passage score (BM25 with the shipped field weights) at or above which the match counts as strong: questions
    /// the guides answer typically score 8–20, a lone incidental word 2–5.
    /// </summary>
    private const double StrongMatchScore = 8;

    public static ConfidenceSignals Estimate(QueryPlan plan, PassageIndex index, int? topDocId, double topScore)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(index);
        if (plan.ContentTokens.Count == 0 || topDocId is null)
        {
            return ConfidenceSignals.None;
        }

        var topTokens = index.TokensAt(topDocId.Value);
        double total = 0, known = 0, inTop = 0;
        foreach (var token in plan.ContentTokens)
        {
            var isKnown = index.DocumentFrequency(token) > 0 || plan.SynonymStandIns.ContainsKey(token);
            var weight = index.InverseDocumentFrequency(token) * (isKnown ? 1 : UnknownWordFactor);
            total += weight;
            var synonyms = plan.SynonymStandIns.GetValueOrDefault(token);
            var spellings = plan.SpellingStandIns.GetValueOrDefault(token);
            if (index.DocumentFrequency(token) > 0 || synonyms is { Count: > 0 })
            {
                known += weight;
            }
            else if (spellings is { Count: > 0 })
            {
                known += weight * NearSpellingCredit;
            }

            if (topTokens.Contains(token) || (synonyms is not null && synonyms.Overlaps(topTokens)))
            {
                inTop += weight;
            }
            else if (spellings is not null && spellings.Overlaps(topTokens))
            {
                inTop += weight * NearSpellingCredit;
            }
        }

        var vocabulary = known / total;
        var top = inTop / total;
        var strength = Math.Clamp(topScore / StrongMatchScore, 0, 1);
        return new ConfidenceSignals(vocabulary, top, strength, Combine(vocabulary, top, strength));
    }

    /// <summary>
    /// Coverage decides; a weak best match (a lone common word like "fun" or "time" matching somewhere) halves it at most.
    /// </summary>
    private static double Combine(double vocabulary, double top, double strength) =>
        Math.Clamp(((0.5 * vocabulary) + (0.5 * top)) * (0.5 + (0.5 * strength)), 0, 1);
}
