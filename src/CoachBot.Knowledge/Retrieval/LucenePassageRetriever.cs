using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoachBot.Knowledge.Retrieval;

/// <summary>
/// Searches the guide passages with Lucene BM25 over the passage text, its headings, the section's expansion
/// questions and the guide topics; the question is expanded with synonyms and near spellings and, optionally,
/// with salient words of the first results. The index is built on the first search (once, thread-safe), so
/// commands that never search pay nothing.
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

    /// <summary>The index, built now if no search has built it yet.</summary>
    public PassageIndex Index => _built.Value.Index;

    public RetrievalResult Search(string query, int k = 3)
    {
        var (index, planner) = _built.Value;
        var plan = planner.Plan(query ?? "");
        if (plan.IsEmpty)
        {
            return new RetrievalResult([], 0, []);
        }

        k = Math.Clamp(k, 1, MaxK);
        var terms = plan.Terms.Take(MaxTerms).ToList();
        var hits = index.Searcher.Search(BuildQuery(terms), Math.Max(k, _settings.FeedbackDocuments)).ScoreDocs;
        if (_settings.FeedbackTerms > 0 && hits.Length > 0)
        {
            var feedback = FeedbackTerms(index, hits, terms);
            if (feedback.Count > 0)
            {
                terms.AddRange(feedback);
                hits = index.Searcher.Search(BuildQuery(terms), k).ScoreDocs;
            }
        }

        var passages = hits.Take(k).Select(hit => new ScoredPassage(index.ChunkAt(hit.Doc).Passage, hit.Score)).ToList();
        var confidence = ConfidenceEstimator.Estimate(plan, index, hits.Length > 0 ? hits[0].Doc : null);
        return new RetrievalResult(passages, confidence.Confidence, terms.Select(term => term.ToString()).ToList());
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

        var hits = index.Searcher.Search(BuildQuery(plan.Terms.Take(MaxTerms).ToList()), 1).ScoreDocs;
        return ConfidenceEstimator.Estimate(plan, index, hits.Length > 0 ? hits[0].Doc : null);
    }

    public void Dispose()
    {
        if (_built.IsValueCreated)
        {
            _built.Value.Index.Dispose();
        }
    }

    private BooleanQuery BuildQuery(IReadOnlyList<WeightedTerm> terms)
    {
        var query = new BooleanQuery();
        foreach (var term in terms)
        {
            Add(query, term, PassageIndex.BodyField, _settings.BodyBoost);
            if (term.Origin == TermOrigin.Feedback)
            {
                continue;
            }

            if (_settings.UseHeadings)
            {
                Add(query, term, PassageIndex.HeadingsField, _settings.HeadingsBoost);
                Add(query, term, PassageIndex.TopicsField, _settings.TopicsBoost);
            }

            if (_settings.UseExpansions)
            {
                Add(query, term, PassageIndex.QuestionsField, _settings.QuestionsBoost);
            }
        }

        return query;
    }

    private static void Add(BooleanQuery query, WeightedTerm term, string field, float fieldBoost)
    {
        if (fieldBoost <= 0)
        {
            return;
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

    private List<WeightedTerm> FeedbackTerms(PassageIndex index, ScoreDoc[] hits, List<WeightedTerm> terms)
    {
        var searched = terms.SelectMany(term => term.Tokens).ToHashSet(StringComparer.Ordinal);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var hit in hits.Take(_settings.FeedbackDocuments))
        {
            foreach (var token in index.Analyzer.Tokens(index.ChunkAt(hit.Doc).BodyText))
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
