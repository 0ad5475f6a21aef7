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

    /// <summary>Whether a search (or <see cref="Index"/>) has built the index yet.</summary>
    public bool IsIndexBuilt => _built.IsValueCreated;

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
        var ranked = Rank(index, terms, Math.Max(k, _settings.FeedbackDocuments));
        if (_settings.FeedbackTerms > 0 && ranked.Count > 0)
        {
            var feedback = FeedbackTerms(index, ranked, terms);
            if (feedback.Count > 0)
            {
                terms.AddRange(feedback);
                ranked = Rank(index, terms, k);
            }
        }

        var passages = ranked.Take(k).Select(hit => new ScoredPassage(index.ChunkAt(hit.DocId).Passage, (float)hit.Score)).ToList();
        var confidence = ConfidenceEstimator.Estimate(plan, index, ranked.Count > 0 ? ranked[0].DocId : null, ranked.Count > 0 ? ranked[0].Score : 0);
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

        var ranked = Rank(index, plan.Terms.Take(MaxTerms).ToList(), 1);
        return ConfidenceEstimator.Estimate(plan, index, ranked.Count > 0 ? ranked[0].DocId : null, ranked.Count > 0 ? ranked[0].Score : 0);
    }

    public void Dispose()
    {
        if (_built.IsValueCreated)
        {
            _built.Value.Index.Dispose();
        }
    }

    /// <summary>
    /// The best <paramref name="count"/> passages, best first, at most <see cref="RetrievalSettings.MaxPerSection"/> from
    /// one section: a long list cut into several passages would otherwise fill every place with the same heading.
    /// </summary>
    private List<(int DocId, double Score)> Rank(PassageIndex index, IReadOnlyList<WeightedTerm> terms, int count)
    {
        var hits = index.Searcher.Search(PassageQuery(index, terms), count * 4).ScoreDocs;
        var perSection = new Dictionary<string, int>(StringComparer.Ordinal);
        var ranked = new List<(int DocId, double Score)>(count);
        foreach (var hit in hits)
        {
            var section = index.ChunkAt(hit.Doc).Section.Reference;
            var taken = perSection.GetValueOrDefault(section);
            if (taken >= _settings.MaxPerSection)
            {
                continue;
            }

            perSection[section] = taken + 1;
            ranked.Add((hit.Doc, hit.Score));
            if (ranked.Count == count)
            {
                break;
            }
        }

        return ranked;
    }

    private BooleanQuery PassageQuery(PassageIndex index, IReadOnlyList<WeightedTerm> terms)
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

    private List<WeightedTerm> FeedbackTerms(PassageIndex index, List<(int DocId, double Score)> ranked, List<WeightedTerm> terms)
    {
        var searched = terms.SelectMany(term => term.Tokens).ToHashSet(StringComparer.Ordinal);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (docId, _) in ranked.Take(_settings.FeedbackDocuments))
        {
            foreach (var token in index.Analyzer.Tokens(index.ChunkAt(docId).BodyText))
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
