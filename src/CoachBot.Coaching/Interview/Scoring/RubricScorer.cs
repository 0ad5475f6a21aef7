using System.Runtime.CompilerServices;
using CoachBot.Coaching.Interview.Bank;
using CoachBot.Knowledge.Retrieval;
using CoachBot.Knowledge.Semantic;
using CoachBot.Knowledge.Synonyms;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoachBot.Coaching.Interview.Scoring;

/// <summary>
/// The deterministic, offline rubric check: which of the rubric's key points an answer covers. It measures coverage,
/// not correctness: a sentence that states a point wrongly in the rubric's words counts as covering it.
/// <para>
/// Words: the answer is analysed like the guides are (standard tokenizer, stop words, Porter stemming) and expanded with
/// the domain synonym list (<c>knowledge/synonyms.txt</c>); a keyword of a point appearing as a stemmed phrase
/// ("indexes" for <c>index</c>, "B-trees" for <c>b-tree</c>) shows the point. A point without keywords is shown when most
/// of its own content words appear.
/// </para>
/// <para>
/// Meaning (when the sentence-embedding model is on): the answer is cut into sentences (and clauses), and each sentence
/// and each pair of neighbouring sentences is compared with each point (as written and followed by its keywords). A
/// unit can make any point it is close enough to in meaning (<see cref="RubricMatchThresholds.Covers"/>), and any point
/// whose keyword it names when the unit is about the question (<see cref="RubricMatchThresholds.OnTopic"/>, read with
/// its neighbours). Points are credited best match first, each unit making one point at most and the answer at most one
/// point per sentence: a strong answer in the candidate's own words is credited, a two-sentence answer packed with
/// keywords makes at most two points, a vague sentence that is loosely near every point counts once, and a keyword
/// dropped into an unrelated sentence does not count. Sentences close to neither the question nor a point are
/// unrelated: an answer mostly made of them loses a point, and one that covers nothing is off-topic.
/// </para>
/// The score is the covered share mapped onto 1–5. Empty, one-word and off-topic answers are not scored.
/// </summary>
public sealed partial class RubricScorer : IDisposable
{
    /// <summary>Longest keyword phrase matched, in analysed tokens.</summary>
    private const int MaxPhraseTokens = 6;

    private readonly KnowledgeAnalyzer _analyzer = new();
    private readonly SynonymSet _synonyms;
    private readonly int _minAnswerWords;
    private readonly RubricVectors? _vectors;
    private readonly RubricMatchThresholds _thresholds;
    private readonly ILogger _logger;
    private readonly ConditionalWeakTable<RubricPoint, PointWords> _pointWords = [];

    public RubricScorer(
        SynonymSet synonyms,
        int minAnswerWords = 3,
        RubricVectors? vectors = null,
        RubricMatchThresholds? thresholds = null,
        ILogger<RubricScorer>? logger = null)
    {
        _logger = logger ?? (ILogger)NullLogger.Instance;
        ArgumentNullException.ThrowIfNull(synonyms);
        _synonyms = synonyms;
        _minAnswerWords = Math.Max(1, minAnswerWords);
        _vectors = vectors;
        _thresholds = thresholds ?? RubricMatchThresholds.Default;
    }

    public RubricAssessment Assess(InterviewQuestion question, string? answer, CancellationToken cancellationToken = default) =>
        Assess(Screen(question, answer, cancellationToken), cancellationToken);

    /// <summary>
    /// The verdict alone (nudge or scored), for a caller that has a scored answer graded elsewhere (the LLM): the same
    /// verdict as <see cref="Assess(InterviewQuestion, string?, CancellationToken)"/>, with no more of the model than it
    /// needs. An answer whose sentences are mostly about the question or its points is scored whatever it covers, so
    /// its neighbouring-sentence pairs (more than half of the tokens the model reads for an answer) are embedded only
    /// if <see cref="Assess(RubricScreen, CancellationToken)"/> is asked for the coverage, e.g. when the LLM fails.
    /// An answer that is mostly unrelated gets the whole check at once: it is off-topic only if it covers no point.
    /// </summary>
    public RubricScreen Screen(InterviewQuestion question, string? answer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(question);
        var text = answer?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            return RubricScreen.Done(question, text, RubricAssessment.Nudge(AnswerVerdict.Empty, question.Rubric));
        }

        var tokens = _analyzer.Tokens(text);
        if (CountWords(text) < _minAnswerWords || tokens.Distinct(StringComparer.Ordinal).Count() < 2)
        {
            return RubricScreen.Done(question, text, RubricAssessment.Nudge(AnswerVerdict.TooShort, question.Rubric));
        }

        if (_vectors is null)
        {
            return RubricScreen.Done(question, text, AssessByWords(question, text));
        }

        try
        {
            var sentences = AnswerSentences.Split(text);
            if (sentences.Count == 0)
            {
                sentences = [text];
            }

            var target = _vectors.For(question, cancellationToken);
            var sentenceVectors = _vectors.Embed(sentences, cancellationToken);
            // Sentences read alone: a lower bound of the share the whole check finds with the pairs, so an answer at or
            // over the threshold here is on topic there too, and one under it gets the whole check now.
            var onTopicShare = OnTopicShare(sentences, SentenceRelevance(sentenceVectors, [], target));
            var meaning = new AnswerMeaning(sentences, sentenceVectors, target, onTopicShare);
            return onTopicShare < RubricMatchThresholds.MostlyUnrelatedBelow
                ? RubricScreen.Done(question, text, AssessByMeaning(question, meaning, _vectors, cancellationToken))
                : RubricScreen.ScoredPending(question, text, meaning);
        }
#pragma warning disable CA1031 // The model failing (ONNX runtime, memory) must not cost the member their feedback: words still work.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            LogModelFailed(ex, question.Id);
            return RubricScreen.Done(question, text, AssessByWords(question, text));
        }
    }

    /// <summary>The whole offline check of a screened answer (reusing what the screen embedded).</summary>
    public RubricAssessment Assess(RubricScreen screen, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(screen);
        if (screen.Assessment is { } done)
        {
            return done;
        }

        try
        {
            return AssessByMeaning(screen.Question, screen.Meaning!, _vectors!, cancellationToken);
        }
#pragma warning disable CA1031 // As in Screen: words still work.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            LogModelFailed(ex, screen.Question.Id);
            return AssessByWords(screen.Question, screen.Text);
        }
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

    private RubricAssessment AssessByWords(InterviewQuestion question, string text)
    {
        var grams = GramsOf(text);
        var covered = new List<RubricPoint>();
        var missing = new List<RubricPoint>();
        foreach (var point in question.Rubric)
        {
            (IsNamed(point, grams) ? covered : missing).Add(point);
        }

        if (covered.Count == 0 && !SharesTopicVocabulary(question, grams))
        {
            return RubricAssessment.Nudge(AnswerVerdict.OffTopic, question.Rubric);
        }

        return new RubricAssessment(AnswerVerdict.Scored, ScoreOf(covered.Count, question.Rubric.Count), covered, missing);
    }

    private RubricAssessment AssessByMeaning(InterviewQuestion question, AnswerMeaning meaning, RubricVectors vectors, CancellationToken cancellationToken)
    {
        var (sentences, sentenceVectors, target, _) = meaning;

        // Units are the sentences and each pair of neighbouring sentences (a clause split off its sentence, "Two keys
        // can land in the same slot", often states its idea only with its neighbour). Each unit shows one idea: it can
        // make a point it is close enough to in meaning, or a point whose keyword it names when it is about the question;
        // then points are credited best match first, each unit making one point at most, so the count is of distinct
        // points backed by distinct units.
        var windows = Enumerable.Range(0, Math.Max(0, sentences.Count - 1)).Select(s => sentences[s] + " " + sentences[s + 1]).ToList();
        var windowVectors = windows.Count == 0 ? [] : vectors.Embed(windows, cancellationToken);
        var sentenceRelevance = SentenceRelevance(sentenceVectors, windowVectors, target);
        var units = new List<AnswerUnit>(sentences.Count + windows.Count);
        // Keywords count in on-topic single sentences only: a window repeats its sentences' words, so a sentence packed
        // with keywords would otherwise lend them to the windows on both sides of it.
        units.AddRange(sentences.Select((sentence, s) => new AnswerUnit(s, s, sentenceVectors[s], sentenceRelevance[s] >= _thresholds.OnTopic ? GramsOf(sentence) : null)));
        units.AddRange(windows.Select((_, s) => new AnswerUnit(s, s + 1, windowVectors[s], null)));
        var made = MatchDistinctPoints(question, target, units);

        var covered = question.Rubric.Where((_, p) => made[p]).ToList();
        var missing = question.Rubric.Where((_, p) => !made[p]).ToList();

        var onTopicShare = OnTopicShare(sentences, sentenceRelevance);
        var mostlyUnrelated = onTopicShare < RubricMatchThresholds.MostlyUnrelatedBelow;
        if (covered.Count == 0 && mostlyUnrelated)
        {
            return RubricAssessment.Nudge(AnswerVerdict.OffTopic, question.Rubric) with { MatchedByMeaning = true, OnTopicShare = onTopicShare };
        }

        var score = Math.Max(1, ScoreOf(covered.Count, question.Rubric.Count) - (mostlyUnrelated ? 1 : 0));
        return new RubricAssessment(AnswerVerdict.Scored, score, covered, missing)
        {
            MatchedByMeaning = true,
            OnTopicShare = onTopicShare,
            MostlyUnrelated = mostlyUnrelated,
        };
    }

    /// <summary>
    /// Which points the answer makes. A unit can make every point it is at least <see cref="RubricMatchThresholds.Covers"/>
    /// close to, and (a single sentence) every point whose keyword it names when it is on topic; the (unit, point) pairs are taken
    /// best similarity first (a single sentence before a window at equal similarity), a point credited once and a unit
    /// used for one point only. So a sentence whose nearest point a closer sentence already made still makes the next
    /// point it states ("I bring those changes into my work" after a sentence about merging), and a sentence that names
    /// several points' keywords makes one of them.
    /// </summary>
    private bool[] MatchDistinctPoints(InterviewQuestion question, QuestionVectors target, List<AnswerUnit> units)
    {
        var candidates = new List<(float Similarity, int Span, int Unit, int Point)>();
        for (var u = 0; u < units.Count; u++)
        {
            var unit = units[u];
            for (var p = 0; p < question.Rubric.Count; p++)
            {
                var similarity = target.Similarity(unit.Vector, p);
                var byMeaning = similarity >= _thresholds.Covers;
                var byKeyword = unit.KeywordGrams is { } grams && IsNamed(question.Rubric[p], grams);
                if (byMeaning || byKeyword)
                {
                    candidates.Add((similarity, unit.Last - unit.First, u, p));
                }
            }
        }

        // A point needs a sentence of its own: an answer of two sentences makes at most two points, however many
        // keywords it packs in ("Authentication is logging in. Authorization is a different step that comes after.").
        var sentenceCount = units.Count(unit => unit.First == unit.Last);
        var made = new bool[question.Rubric.Count];
        var used = new bool[units.Count];
        var credited = 0;
        foreach (var (_, _, u, p) in candidates.OrderByDescending(c => c.Similarity).ThenBy(c => c.Span))
        {
            if (made[p] || used[u] || credited == sentenceCount)
            {
                continue;
            }

            credited++;
            used[u] = true;
            made[p] = true;
        }

        return made;
    }

    /// <summary>
    /// Per sentence, how close it is to the question or one of its points, read on its own or together with a neighbour
    /// (as points are matched): a sentence of a story that leans on the one before it ("That was on me: I had skipped the
    /// review") is about the question when the pair is.
    /// </summary>
    private static float[] SentenceRelevance(float[][] sentenceVectors, float[][] windowVectors, QuestionVectors target)
    {
        var relevance = new float[sentenceVectors.Length];
        for (var s = 0; s < sentenceVectors.Length; s++)
        {
            relevance[s] = Relevance(sentenceVectors[s], target);
            if (s > 0 && s - 1 < windowVectors.Length)
            {
                relevance[s] = Math.Max(relevance[s], Relevance(windowVectors[s - 1], target));
            }

            if (s < windowVectors.Length)
            {
                relevance[s] = Math.Max(relevance[s], Relevance(windowVectors[s], target));
            }
        }

        return relevance;
    }

    /// <summary>The share of the answer's words that are in on-topic sentences (see <see cref="SentenceRelevance"/>).</summary>
    private double OnTopicShare(IReadOnlyList<string> sentences, float[] sentenceRelevance)
    {
        double all = 0;
        double onTopic = 0;
        for (var s = 0; s < sentences.Count; s++)
        {
            var words = Math.Max(1, CountWords(sentences[s]));
            all += words;
            if (sentenceRelevance[s] >= _thresholds.OnTopic)
            {
                onTopic += words;
            }
        }

        return all == 0 ? 0 : onTopic / all;
    }

    /// <summary>The better of a vector's cosine with the question and with each of its points.</summary>
    private static float Relevance(float[] vector, QuestionVectors target)
    {
        var relevance = VectorMath.Dot(vector, target.Question);
        for (var p = 0; p < target.PointCount; p++)
        {
            relevance = Math.Max(relevance, target.Similarity(vector, p));
        }

        return relevance;
    }

    /// <summary>The analysed tokens of a text as phrases of 1–6 tokens, plus whole synonym expansions.</summary>
    private HashSet<string> GramsOf(string text)
    {
        var grams = Grams(_analyzer.Tokens(text));
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

        return grams;
    }

    /// <summary>Whether the words show the point: one of its keywords, or (without keywords) most of its content words.</summary>
    private bool IsNamed(RubricPoint point, HashSet<string> grams)
    {
        var (phrases, words) = _pointWords.GetValue(point, AnalysePoint);
        if (phrases.Length > 0)
        {
            return phrases.Any(grams.Contains);
        }

        // No keywords: most of the point's own content words must appear.
        var present = words.Count(grams.Contains);
        return words.Length > 0 && present >= Math.Max(2, (int)Math.Ceiling(words.Length * 0.6));
    }

    /// <summary>A point's keywords as analysed phrases (of at most <see cref="MaxPhraseTokens"/> tokens), or without keywords its content words.</summary>
    private PointWords AnalysePoint(RubricPoint point)
    {
        var phrases = point.Keywords.Select(k => _analyzer.Tokens(k)).Where(t => t.Count > 0 && t.Count <= MaxPhraseTokens).Select(t => string.Join(' ', t)).ToArray();
        var words = point.Keywords.Count > 0 ? [] : _analyzer.Tokens(point.Point).Distinct(StringComparer.Ordinal).ToArray();
        return new PointWords(phrases, words);
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

    /// <summary>
    /// A sentence or a pair of neighbouring sentences (<paramref name="First"/>..<paramref name="Last"/>) of the answer,
    /// with its words when they can make a point by keyword (an on-topic single sentence).
    /// </summary>
    private sealed record AnswerUnit(int First, int Last, float[] Vector, HashSet<string>? KeywordGrams);

    private sealed record PointWords(string[] Phrases, string[] Words);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Interview answer to {QuestionId}: the sentence-embedding model failed; matched by keywords only")]
    private partial void LogModelFailed(Exception exception, string questionId);

    private static int CountWords(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsLetterOrDigit));
}
