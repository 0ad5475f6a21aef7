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

    public static ConfidenceSignals Estimate(QueryPlan plan, PassageIndex index, int? topDocId)
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
            var weight = index.InverseDocumentFrequency(token);
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
        return new ConfidenceSignals(vocabulary, top, Combine(vocabulary, top));
    }

    private static double Combine(double vocabulary, double top) => Math.Clamp((0.5 * vocabulary) + (0.5 * top), 0, 1);
}
