using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoachBot.Knowledge.Retrieval;

/// <summary>
/// Searches the guide passages with Lucene BM25 over the passage text, its headings, the guide topics and the
/// section's expansion questions (document expansion: "the questions people ask that this section answers"). The question is expanded with synonyms and near spellings and, optionally, with salient
/// words of the first results. The index is built on the first search (once, thread-safe), so commands that never
/// search pay nothing.
/// </summary>
public sealed partial class LucenePassageRetriever : IPassageRetriever, IDisposable
{
    public const int MaxK = 50;
    private const int MaxTerms = 200;
    private const double MaxFeedbackDocumentShare = 0.2;

    private readonly Lazy<Built> _built;
    private readonly RetrievalSettings _settings;

    public LucenePassageRetriever(KnowledgeBase knowledge, RetrievalSettings? settings = null, ILogger<LucenePassageRetriever>? logger = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        _settings = settings ?? RetrievalSettings.Default;
        var log = logger ?? NullLogger<LucenePassageRetriever>.Instance;
        var clock = timeProvider ?? TimeProvider.System;
        _built = new Lazy<Built>(() =>
        {
            var started = clock.GetTimestamp();
            var index = PassageIndex.Build(knowledge, _settings);
            var elapsed = clock.GetElapsedTime(started).TotalMilliseconds;
            LogIndexBuilt(log, index.Count, knowledge.Catalog.Guides.Count, elapsed);
            return new Built(index, new QueryPlanner(index, knowledge.Synonyms, _settings));
        }, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public RetrievalSettings Settings => _settings;

    /// <summary>Whether a search (or <see cref="Index"/>) has built the index yet.</summary>
    public bool IsIndexBuilt => _built.IsValueCreated;

    /// <summary>The index, built now if no search has built it yet.</summary>
    public PassageIndex Index => _built.Value.Index;

    public RetrievalResult Search(string query, int k = 3)
    {
        k = Math.Clamp(k, 1, MaxK);
        var lexical = SearchLexical(query, k);
        if (lexical.Plan.IsEmpty)
        {
            return new RetrievalResult([], 0, []);
        }

        var passages = Cap(lexical.Hits, k).Select(hit => new ScoredPassage(hit.Chunk.Passage, (float)hit.Score)).ToList();
        return new RetrievalResult(passages, Math.Max(lexical.Confidence.Confidence, SpelledOutConfidence(query)), lexical.ExpandedTerms);
    }

    /// <summary>
    /// The lexical confidence of the question with its chat spellings written out ("wats a gud site" → "what's a good
    /// site", <see cref="ChatRegister.SpellOut"/>), or 0 when it has none. It counts for the confidence only, not the
    /// ranking: "gud" is a word the guides never use, so it made a question they answer look uncovered.
    /// </summary>
    public double SpelledOutConfidence(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var spelledOut = ChatRegister.SpellOut(query);
        return spelledOut == query ? 0 : ExplainConfidence(spelledOut).Confidence;
    }

    /// <summary>
    /// The lexical side of a search, for fusion: the query plan, the passages by BM25 score, best first, not yet limited
    /// per section (enough that <paramref name="count"/> survive that limit: up to four times as many), and the
    /// confidence signals. An empty plan gives no hits.
    /// </summary>
    public LexicalSearch SearchLexical(string query, int count)
    {
        var (index, planner) = _built.Value;
        var plan = planner.Plan(query ?? "");
        if (plan.IsEmpty)
        {
            return new LexicalSearch(plan, [], ConfidenceSignals.None, []);
        }

        count = Math.Clamp(count, 1, index.Count);
        var terms = plan.Terms.Take(MaxTerms).ToList();
        var hits = Hits(index, terms, Math.Max(count, _settings.FeedbackDocuments));
        if (_settings.FeedbackTerms > 0 && hits.Count > 0)
        {
            var feedback = FeedbackTerms(index, Cap(hits, _settings.FeedbackDocuments), terms);
            if (feedback.Count > 0)
            {
                terms.AddRange(feedback);
                hits = Hits(index, terms, count);
            }
        }

        var confidence = Confidence(index, plan, terms, hits);
        return new LexicalSearch(plan, hits, confidence, terms.Select(term => term.ToString()).ToList());
    }

    /// <summary>The confidence signals of a question (diagnostics for tuning and tests).</summary>
    public ConfidenceSignals ExplainConfidence(string query)
    {
        var (index, planner) = _built.Value;
        var plan = planner.Plan(query ?? "");
        if (plan.IsEmpty)
        {
            return ConfidenceSignals.None;
        }

        var terms = plan.Terms.Take(MaxTerms).ToList();
        return Confidence(index, plan, terms, Hits(index, terms, 1));
    }

    public void Dispose()
    {
        if (_built.IsValueCreated)
        {
            _built.Value.Index.Dispose();
        }
    }

    /// <summary>
    /// The first <paramref name="count"/> of <paramref name="hits"/> (best first), at most
    /// <see cref="RetrievalSettings.MaxPerSection"/> from one section: a long list cut into several passages would
    /// otherwise fill every place with the same heading.
    /// </summary>
    public List<LexicalHit> Cap(IReadOnlyList<LexicalHit> hits, int count) => SectionCap.Take(hits, hit => hit.Chunk, _settings.MaxPerSection, count);

    /// <summary>
    /// The confidence signals of a search, from the best passage by the guides' own text, headings and section questions:
    /// passage questions rank, but never make a question look covered. Their chat words ("fun", "netflix") would
    /// otherwise lift an off-topic question's best score ("tell me a fun fact" 0.49 → 0.60, above the threshold). When
    /// they did not match, the search's own best hit is that passage already.
    /// </summary>
    private ConfidenceSignals Confidence(PassageIndex index, QueryPlan plan, IReadOnlyList<WeightedTerm> terms, IReadOnlyList<LexicalHit> hits)
    {
        var passageQuestionsMatch = _settings.UseExpansions && _settings.PassageQuestionsBoost > 0
            && terms.Any(term => term.Origin != TermOrigin.Feedback && term.Tokens.All(token => index.FieldHasTerm(PassageIndex.PassageQuestionsField, token)));
        var guideHits = passageQuestionsMatch ? Hits(index, terms, 1, withPassageQuestions: false) : hits;
        var top = guideHits.Count > 0 ? guideHits[0] : null;
        return ConfidenceEstimator.Estimate(plan, index, top?.DocId, top?.Score ?? 0);
    }

    /// <summary>Enough hits (uncapped) that <paramref name="count"/> survive the per-section cap.</summary>
    private List<LexicalHit> Hits(PassageIndex index, IReadOnlyList<WeightedTerm> terms, int count, bool withPassageQuestions = true) =>
        index.Searcher.Search(PassageQuery(index, terms, withPassageQuestions), Math.Min(index.Count, count * 4)).ScoreDocs
            .Select(hit => new LexicalHit(hit.Doc, index.ChunkAt(hit.Doc), hit.Score))
            .ToList();

    private BooleanQuery PassageQuery(PassageIndex index, IReadOnlyList<WeightedTerm> terms, bool withPassageQuestions)
    {
        var query = new BooleanQuery();
        foreach (var term in terms)
        {
            Add(query, index, term, PassageIndex.BodyField, _settings.BodyBoost);
            if (_settings.UseHeadings && term.Origin != TermOrigin.Feedback)
            {
                Add(query, index, term, PassageIndex.HeadingsField, _settings.HeadingsBoost);
                Add(query, index, term, PassageIndex.TopicsField, _settings.TopicsBoost);
            }

            if (_settings.UseExpansions && term.Origin != TermOrigin.Feedback)
            {
                Add(query, index, term, PassageIndex.QuestionsField, _settings.QuestionsBoost);
                if (withPassageQuestions)
                {
                    Add(query, index, term, PassageIndex.PassageQuestionsField, _settings.PassageQuestionsBoost);
                }
            }
        }

        return query;
    }

    private static void Add(BooleanQuery query, PassageIndex index, WeightedTerm term, string field, float fieldBoost)
    {
        if (fieldBoost <= 0 || !term.Tokens.All(token => index.FieldHasTerm(field, token)))
        {
            return;
        }

        if (term.Origin == TermOrigin.WordPair && !index.FieldHasTerm(field, term.Tokens[0] + " " + term.Tokens[1]))
        {
            return; // the two words never stand together in this field
        }

        Query clause;
        if (term.Tokens.Count == 1)
        {
            clause = new TermQuery(new Term(field, term.Tokens[0]));
        }
        else
        {
            var phrase = new PhraseQuery { Slop = 2 };
            for (var i = 0; i < term.Tokens.Count; i++)
            {
                phrase.Add(new Term(field, term.Tokens[i]), i);
            }

            clause = phrase;
        }

        clause.Boost = term.Weight * fieldBoost;
        query.Add(clause, Occur.SHOULD);
    }

    private List<WeightedTerm> FeedbackTerms(PassageIndex index, List<LexicalHit> ranked, List<WeightedTerm> terms)
    {
        var searched = terms.SelectMany(term => term.Tokens).ToHashSet(StringComparer.Ordinal);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var hit in ranked.Take(_settings.FeedbackDocuments))
        {
            foreach (var token in hit.Chunk.BodyText is { } body ? index.Analyzer.Tokens(body) : [])
            {
                counts[token] = counts.GetValueOrDefault(token) + 1;
            }
        }

        var maxFrequency = Math.Max(1, (int)(index.Count * MaxFeedbackDocumentShare));
        return counts
            .Where(pair => !searched.Contains(pair.Key) && pair.Key.Length > 2 && pair.Key.All(char.IsLetter) && index.DocumentFrequency(pair.Key) <= maxFrequency)
            .OrderByDescending(pair => pair.Value * index.InverseDocumentFrequency(pair.Key))
            .ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Take(_settings.FeedbackTerms)
            .Select(pair => new WeightedTerm([pair.Key], _settings.FeedbackWeight, TermOrigin.Feedback))
            .ToList();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Knowledge index built: {PassageCount} passages from {GuideCount} guides in {ElapsedMs:F0} ms")]
    private static partial void LogIndexBuilt(ILogger logger, int passageCount, int guideCount, double elapsedMs);

    private sealed record Built(PassageIndex Index, QueryPlanner Planner);
}
