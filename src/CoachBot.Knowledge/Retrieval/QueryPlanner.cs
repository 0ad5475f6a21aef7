using CoachBot.Knowledge.Synonyms;

namespace CoachBot.Knowledge.Retrieval;

/// <summary>
/// Turns user text into weighted terms without ever handing it to a query parser: the question is analyzed like the
/// guides, synonym-list phrases found in the raw lowercased text add their expansions at a lower weight, and words the
/// guides never use gain their near spellings (one edit away, words of five letters or more) at a lower weight still.
/// </summary>
public sealed class QueryPlanner(PassageIndex index, SynonymSet synonyms, RetrievalSettings settings)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<string>> _analyzedPhrases = new(StringComparer.Ordinal);

    /// <summary>Only the start of an overlong message is searched; a question is never this long.</summary>
    public const int MaxQueryChars = 1000;

    /// <summary>At most this many distinct words of the question are searched.</summary>
    public const int MaxContentTokens = 40;

    private const int MinFuzzyLength = 5;
    private const int MaxNearSpellings = 3;

    public QueryPlan Plan(string question)
    {
        if (string.IsNullOrWhiteSpace(question))
        {
            return QueryPlan.Empty;
        }

        var text = question.Length > MaxQueryChars ? question[..MaxQueryChars] : question;
        var sequence = index.Analyzer.Tokens(text);
        var contentTokens = sequence.Distinct(StringComparer.Ordinal).Take(MaxContentTokens).ToList();
        var terms = contentTokens.Select(token => new WeightedTerm([token], WordWeight(token), TermOrigin.Question)).ToList();
        if (settings.WordPairWeight > 0)
        {
            var pairs = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 1; i < sequence.Count && pairs.Count < MaxContentTokens; i++)
            {
                if (sequence[i] != sequence[i - 1] && pairs.Add(sequence[i - 1] + " " + sequence[i]))
                {
                    terms.Add(new WeightedTerm([sequence[i - 1], sequence[i]], settings.WordPairWeight, TermOrigin.WordPair));
                }
            }
        }

        var searched = new HashSet<string>(contentTokens, StringComparer.Ordinal);
        var synonymStandIns = settings.UseSynonyms ? AddSynonyms(text, terms, searched) : [];
        var spellingStandIns = AddNearSpellings(contentTokens, synonymStandIns, terms, searched);
        return new QueryPlan(
            contentTokens,
            terms,
            synonymStandIns.ToDictionary(pair => pair.Key, pair => (IReadOnlySet<string>)pair.Value, StringComparer.Ordinal),
            spellingStandIns.ToDictionary(pair => pair.Key, pair => (IReadOnlySet<string>)pair.Value, StringComparer.Ordinal));
    }

    /// <summary>Synonym phrases recur across questions: analyze each once.</summary>
    private IReadOnlyList<string> Analyze(string phrase) => _analyzedPhrases.GetOrAdd(phrase, text => index.Analyzer.Tokens(text));

    private bool IsCommon(string token) => index.DocumentFrequency(token) > index.Count * settings.CommonShare;

    private float WordWeight(string token)
    {
        if (settings.CommonWordIdf <= 0 || index.DocumentFrequency(token) == 0)
        {
            return 1f;
        }

        var weight = index.InverseDocumentFrequency(token) / settings.CommonWordIdf;
        return (float)Math.Clamp(weight, settings.MinWordWeight, 1.0);
    }

    private Dictionary<string, HashSet<string>> AddSynonyms(string text, List<WeightedTerm> terms, HashSet<string> searched)
    {
        var standIns = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var phrases = new HashSet<string>(StringComparer.Ordinal);
        foreach (var match in synonyms.Match(text))
        {
            var matchedTokens = Analyze(match.Phrase);
            foreach (var expansion in match.Expansions)
            {
                var tokens = Analyze(expansion);
                if (tokens.Count == 0 || tokens.Any(token => index.DocumentFrequency(token) == 0))
                {
                    continue; // the guides cannot match it, so it would only blur the query
                }

                foreach (var token in matchedTokens)
                {
                    if (!standIns.TryGetValue(token, out var set))
                    {
                        set = new HashSet<string>(StringComparer.Ordinal);
                        standIns[token] = set;
                    }

                    set.UnionWith(tokens);
                }

                if (tokens.All(IsCommon))
                {
                    continue; // "backend developer" for "backend": every passage matches, the query only gets noisier
                }

                if (tokens.Count == 1)
                {
                    if (searched.Add(tokens[0]))
                    {
                        terms.Add(new WeightedTerm(tokens, settings.SynonymWeight, TermOrigin.Synonym));
                    }
                }
                else if (phrases.Add(string.Join(' ', tokens)))
                {
                    terms.Add(new WeightedTerm(tokens, settings.SynonymWeight, TermOrigin.Synonym));
                }
            }
        }

        return standIns;
    }

    private Dictionary<string, HashSet<string>> AddNearSpellings(
        List<string> contentTokens, Dictionary<string, HashSet<string>> synonymStandIns, List<WeightedTerm> terms, HashSet<string> searched)
    {
        var standIns = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var token in contentTokens)
        {
            if (token.Length < MinFuzzyLength || index.DocumentFrequency(token) > 0 || synonymStandIns.ContainsKey(token) || !token.All(char.IsLetter))
            {
                continue;
            }

            var near = index.Vocabulary
                .Where(candidate => EditDistance.IsWithinOne(token, candidate))
                .OrderByDescending(index.DocumentFrequency)
                .ThenBy(candidate => candidate, StringComparer.Ordinal)
                .Take(MaxNearSpellings)
                .ToList();
            if (near.Count == 0)
            {
                continue;
            }

            standIns[token] = [.. near];
            foreach (var candidate in near.Where(searched.Add))
            {
                terms.Add(new WeightedTerm([candidate], settings.FuzzyWeight, TermOrigin.NearSpelling));
            }
        }

        return standIns;
    }
}
