using System.Text;
using CoachBot.Core.Replies;
using CoachBot.Knowledge.Retrieval;

namespace CoachBot.Ai.Answers;

/// <summary>
/// Composes an answer with no model: picks the two to four sentences of the top passages that share the most topic
/// words with the question (its own words weigh most, then an earlier question's, then synonym expansions; rare words
/// weigh more than words every sentence has; the top passage is preferred), and quotes them verbatim as blockquotes,
/// in their original order, each group followed by its citation number. Nothing inside a quoted sentence is changed.
/// </summary>
public static class OfflineComposer
{
    public const int MaxPassages = 3;
    public const int MinSentences = 2;
    public const int MaxSentences = 4;
    private static readonly double[] RankWeights = [1.0, 0.75, 0.6];

    public static ComposedAnswer Compose(OfflineComposeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var passages = request.Passages.Take(MaxPassages).ToArray();
        if (passages.Length == 0)
        {
            return new ComposedAnswer(string.Empty, []);
        }

        var candidates = Candidates(passages);
        var weights = TermWeights(request, candidates);
        foreach (var candidate in candidates)
        {
            candidate.Score = Score(candidate, weights);
        }

        var chosen = Choose(candidates);
        return Render(chosen, passages);
    }

    private static List<Candidate> Candidates(ScoredPassage[] passages)
    {
        var candidates = new List<Candidate>();
        for (var rank = 0; rank < passages.Length; rank++)
        {
            var sentences = SentenceSplitter.Split(passages[rank].Passage.Text);
            for (var position = 0; position < sentences.Count; position++)
            {
                candidates.Add(new Candidate(rank, position, sentences[position], QueryTerms.Of(sentences[position])));
            }
        }

        return candidates;
    }

    private static Dictionary<string, double> TermWeights(OfflineComposeRequest request, List<Candidate> candidates)
    {
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        void AddTerms(IEnumerable<string> terms, double weight)
        {
            foreach (var term in terms)
            {
                if (!weights.TryGetValue(term, out var existing) || existing < weight)
                {
                    weights[term] = weight;
                }
            }
        }

        AddTerms(QueryTerms.Of(string.Join(' ', request.ExpandedTerms ?? [])), 0.4);
        AddTerms(QueryTerms.Of(request.Context), 0.5);
        AddTerms(QueryTerms.Of(request.Question), 1.0);

        // Words found in nearly every candidate sentence ("backend", "developer") tell sentences apart poorly.
        var total = candidates.Count;
        foreach (var term in weights.Keys.ToArray())
        {
            var frequency = candidates.Count(c => c.Terms.Contains(term));
            weights[term] *= Math.Log(1.0 + ((total + 1.0) / (frequency + 1.0)));
        }

        return weights;
    }

    private static double Score(Candidate candidate, Dictionary<string, double> weights)
    {
        var score = 0.0;
        foreach (var term in candidate.Terms)
        {
            if (weights.TryGetValue(term, out var weight))
            {
                score += weight;
            }
        }

        // A bare list label ("SQL", "Continuous Integration (CI/CD)") says little on its own; a very long sentence
        // dilutes the quote.
        var words = candidate.Text.Count(char.IsWhiteSpace) + 1;
        var isLabel = words < 5 || (words < 8 && candidate.Text[^1] is not ('.' or '!' or '?' or ':'));
        var lengthFactor = isLabel ? 0.3 : words > 45 ? 0.8 : 1.0;
        return score * lengthFactor * RankWeights[Math.Min(candidate.Rank, RankWeights.Length - 1)];
    }

    private static List<Candidate> Choose(List<Candidate> candidates)
    {
        var ranked = candidates.Where(c => c.Score > 0).OrderByDescending(c => c.Score).ThenBy(c => c.Rank).ThenBy(c => c.Position).ToList();
        var chosen = new List<Candidate>();
        if (ranked.Count > 0)
        {
            var best = ranked[0].Score;
            chosen.AddRange(ranked.TakeWhile(c => c.Score >= best * 0.35).Take(MaxSentences));
        }

        // Too little matched word for word (the passage was found through synonyms): quote the top passage's opening,
        // or round out a single sentence with its neighbour so the quote reads as a thought, not a fragment.
        var anchor = chosen.Count > 0 ? chosen[0] : candidates.First(c => c.Rank == 0);
        if (chosen.Count == 0)
        {
            chosen.Add(anchor);
        }

        while (chosen.Count < MinSentences)
        {
            var neighbour = candidates.FirstOrDefault(c => c.Rank == anchor.Rank && c.Position == anchor.Position + 1 && !chosen.Contains(c))
                ?? candidates.FirstOrDefault(c => c.Rank == anchor.Rank && c.Position == anchor.Position - 1 && !chosen.Contains(c))
                ?? candidates.FirstOrDefault(c => !chosen.Contains(c));
            if (neighbour is null)
            {
                break;
            }

            chosen.Add(neighbour);
        }

        return chosen;
    }

    private static ComposedAnswer Render(List<Candidate> chosen, ScoredPassage[] passages)
    {
        var citations = new List<Citation>();
        var text = new StringBuilder("Here's what the guide says:");
        // Two chunks of one section share a citation, so their sentences form one quote.
        foreach (var group in chosen.GroupBy(c => passages[c.Rank].Passage.ToCitation()).OrderBy(g => g.Min(c => c.Rank)))
        {
            citations.Add(group.Key);
            var number = citations.Count;
            text.Append("\n\n");
            var sentences = group.OrderBy(c => c.Rank).ThenBy(c => c.Position).ToArray();
            for (var i = 0; i < sentences.Length; i++)
            {
                text.Append("> ").Append(sentences[i].Text);
                text.Append(i == sentences.Length - 1 ? $" [{number}]" : "\n");
            }
        }

        return new ComposedAnswer(text.ToString(), citations);
    }

    private sealed class Candidate(int rank, int position, string text, HashSet<string> terms)
    {
        public int Rank { get; } = rank;

        public int Position { get; } = position;

        public string Text { get; } = text;

        public HashSet<string> Terms { get; } = terms;

        public double Score { get; set; }
    }
}
