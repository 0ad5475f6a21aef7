using CoachBot.Coaching.Interview.Bank;
using CoachBot.Knowledge.Retrieval;
using CoachBot.Knowledge.Synonyms;

namespace CoachBot.Coaching.Interview.Scoring;

/// <summary>
/// The deterministic, offline rubric check. The answer is analysed like the guides are (standard tokenizer, stop words,
/// Porter stemming), and expanded with the domain synonym list (<c>knowledge/synonyms.txt</c>). A rubric point is covered
/// when one of its keywords appears in the answer as a stemmed phrase ("indexes" covers <c>index</c>, "B-trees" covers
/// <c>b-tree</c>); a point without keywords is covered when most of its own content words appear. The score is the
/// covered share mapped onto 1–5. Empty, one-word and off-topic answers are not scored.
/// </summary>
public sealed class RubricScorer : IDisposable
{
    /// <summary>Longest keyword phrase matched, in analysed tokens.</summary>
    private const int MaxPhraseTokens = 6;

    private readonly KnowledgeAnalyzer _analyzer = new();
    private readonly SynonymSet _synonyms;
    private readonly int _minAnswerWords;

    public RubricScorer(SynonymSet synonyms, int minAnswerWords = 3)
    {
        ArgumentNullException.ThrowIfNull(synonyms);
        _synonyms = synonyms;
        _minAnswerWords = Math.Max(1, minAnswerWords);
    }

    public RubricAssessment Assess(InterviewQuestion question, string? answer)
    {
        ArgumentNullException.ThrowIfNull(question);
        var text = answer?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            return RubricAssessment.Nudge(AnswerVerdict.Empty, question.Rubric);
        }

        var tokens = _analyzer.Tokens(text);
        if (CountWords(text) < _minAnswerWords || tokens.Distinct(StringComparer.Ordinal).Count() < 2)
        {
            return RubricAssessment.Nudge(AnswerVerdict.TooShort, question.Rubric);
        }

        var grams = Grams(tokens);
        foreach (var match in _synonyms.Match(text))
        {
            // The whole expansion only: "database" expands to "data storage", which must not count as saying "storage".
            foreach (var expansion in match.Expansions)
            {
                var expanded = _analyzer.Tokens(expansion);
                if (expanded.Count > 0)
                {
                    grams.Add(string.Join(' ', expanded));
                }
            }
        }

        var covered = new List<RubricPoint>();
        var missing = new List<RubricPoint>();
        foreach (var point in question.Rubric)
        {
            (IsCovered(point, grams) ? covered : missing).Add(point);
        }

        if (covered.Count == 0 && !SharesTopicVocabulary(question, grams))
        {
            return RubricAssessment.Nudge(AnswerVerdict.OffTopic, question.Rubric);
        }

        return new RubricAssessment(AnswerVerdict.Scored, ScoreOf(covered.Count, question.Rubric.Count), covered, missing);
    }

    /// <summary>Covered share → 1–5: all or nearly all 5, most 4, half 3, some 2, none 1.</summary>
    public static int ScoreOf(int covered, int total)
    {
        if (total <= 0)
        {
            return 1;
        }

        var share = (double)covered / total;
        return share switch
        {
            >= 0.85 => 5,
            >= 0.65 => 4,
            >= 0.45 => 3,
            >= 0.2 => 2,
            _ => 1,
        };
    }

    public void Dispose() => _analyzer.Dispose();

    private bool IsCovered(RubricPoint point, HashSet<string> grams)
    {
        foreach (var keyword in point.Keywords)
        {
            var phrase = _analyzer.Tokens(keyword);
            if (phrase.Count > 0 && phrase.Count <= MaxPhraseTokens && grams.Contains(string.Join(' ', phrase)))
            {
                return true;
            }
        }

        if (point.Keywords.Count > 0)
        {
            return false;
        }

        // No keywords: most of the point's own content words must appear.
        var words = _analyzer.Tokens(point.Point).Distinct(StringComparer.Ordinal).ToList();
        var present = words.Count(grams.Contains);
        return words.Count > 0 && present >= Math.Max(2, (int)Math.Ceiling(words.Count * 0.6));
    }

    private bool SharesTopicVocabulary(InterviewQuestion question, HashSet<string> grams)
    {
        // The question and the keywords only: the points' own wording has filler ("extra", "usually") that any text shares.
        var vocabulary = new HashSet<string>(_analyzer.Tokens(question.Question), StringComparer.Ordinal);
        foreach (var point in question.Rubric)
        {
            foreach (var keyword in point.Keywords)
            {
                vocabulary.UnionWith(_analyzer.Tokens(keyword));
            }
        }

        return vocabulary.Any(grams.Contains);
    }

    private static HashSet<string> Grams(IReadOnlyList<string> tokens)
    {
        var grams = new HashSet<string>(StringComparer.Ordinal);
        for (var start = 0; start < tokens.Count; start++)
        {
            var gram = tokens[start];
            grams.Add(gram);
            for (var length = 2; length <= MaxPhraseTokens && start + length <= tokens.Count; length++)
            {
                gram += " " + tokens[start + length - 1];
                grams.Add(gram);
            }
        }

        return grams;
    }

    private static int CountWords(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsLetterOrDigit));
}
