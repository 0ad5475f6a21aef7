using CoachBot.Knowledge.Semantic;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoachBot.Knowledge.Retrieval;

/// <summary>
/// Lexical (Lucene BM25) and dense (all-MiniLM-L6-v2) retrieval fused. Greetings and chat fillers are taken out of the
/// question first (<see cref="ChatRegister"/>). The question is embedded once per search — and again, in the same batch,
/// with its typos corrected (<see cref="SpellingCorrector"/>) when it has words the guides never use that are one typo
/// from one they do (once words of five letters or more, once all of two letters or more; the best cosine counts) — and
/// compared with every passage (embedded with its heading path), each of its sentences and every curated expansion
/// question of its section; a passage's dense score is the better of its questions' best cosine (weighted) and a blend
/// of its own cosine with the mean of its two best sentences' (<see cref="HybridSettings.SentenceBlend"/>). Lucene reads
/// the question as typed and, when it has misspelt words of four letters or more, corrected too (per passage the
/// better score; <see cref="HybridSettings.LexicalCorrectionMinLength"/>). The two rankings are fused
/// (<see cref="HybridSettings.Fusion"/>), at most <see cref="RetrievalSettings.MaxPerSection"/> passages per section.
/// Confidence is the larger of the lexical estimate and the semantic evidence (the best dense score mapped between
/// <see cref="HybridSettings.SimilarityFloor"/> and <see cref="HybridSettings.SimilarityCeiling"/>), so a reworded or
/// misspelt question the guides cover is not declined. Until <see cref="SemanticWarmup"/> has the vectors (or when
/// semantic retrieval is off) every search is the Lucene search unchanged.
/// </summary>
public sealed partial class HybridPassageRetriever : IPassageRetriever
{
    private readonly LucenePassageRetriever _lucene;
    private readonly SemanticWarmup _warmup;
    private readonly HybridSettings _settings;
    private readonly ILogger _logger;
    private readonly Lazy<SpellingCorrector> _spelling;

    public HybridPassageRetriever(LucenePassageRetriever lucene, SemanticWarmup warmup, HybridSettings? settings = null, ILogger<HybridPassageRetriever>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(lucene);
        ArgumentNullException.ThrowIfNull(warmup);
        _lucene = lucene;
        _warmup = warmup;
        _settings = settings ?? HybridSettings.Default;
        _logger = logger ?? NullLogger<HybridPassageRetriever>.Instance;
        _spelling = new Lazy<SpellingCorrector>(() => SpellingCorrector.For(lucene.Index, warmup.Knowledge, _settings.KnownWordsAreNotTypos ? Semantic.ModelVocabulary.WholeWords : null), LazyThreadSafetyMode.ExecutionAndPublication);
        _sectionOf = new Lazy<int[]>(() => SectionNumbers(lucene.Index), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    private readonly Lazy<int[]> _sectionOf;

    public RetrievalResult Search(string query, int k = 3)
    {
        var semantic = _warmup.Index ?? _warmup.WaitWhileLoading(_settings.StoredVectorsWait);
        var embedder = _warmup.Embedder;
        if (semantic is null || embedder is null)
        {
            return _lucene.Search(query, k);
        }

        k = Math.Clamp(k, 1, LucenePassageRetriever.MaxK);
        if (_settings.StripChatRegister)
        {
            query = ChatRegister.Strip(query);
        }

        var lexical = _lucene.SearchLexical(query, _settings.LexicalCandidates);
        if (lexical.Plan.IsEmpty)
        {
            return new RetrievalResult([], 0, []);
        }

        var queryText = query.Length > QueryPlanner.MaxQueryChars ? query[..QueryPlanner.MaxQueryChars] : query;
        // Misspelt words of five letters or more are corrected in one query vector, words of two or more ("hw", "lern") in
        // another (DenseCorrectionMinLength, since #12 round 6: +4 questions on dev-typos.jsonl, no development question and
        // no Lucene top-3 hit lost; before the sentence blend of round 5 it had lost one). The latter is the text the
        // confidence estimate embeds anyway, so it costs no further model run. Chat fillers ("fr", "ngl") are stripped
        // first (StripChatRegister), so they are not "corrected" into guide words.
        var forRanking = _spelling.Value.Correct(queryText, SpellingCorrector.MinRankingLength);
        var forConfidence = _spelling.Value.Correct(queryText);
        List<string> texts = [queryText];
        if (forRanking is not null)
        {
            texts.Add(forRanking);
        }

        if (_settings.DenseCorrectionMinLength < SpellingCorrector.MinRankingLength
            && _spelling.Value.Correct(queryText, _settings.DenseCorrectionMinLength) is { } forShortRanking
            && !texts.Contains(forShortRanking))
        {
            texts.Add(forShortRanking);
        }

        if (_settings.DenseCorrectedOnly)
        {
            texts = [texts[^1]];
        }

        var correctedConfidence = 0.0;
        if (_settings.LexicalCorrectionMinLength > 0 && _spelling.Value.Correct(queryText, _settings.LexicalCorrectionMinLength) is { } lexicalCorrected)
        {
            var corrected = _lucene.SearchLexical(lexicalCorrected, _settings.LexicalCandidates);
            correctedConfidence = corrected.Confidence.Confidence;
            lexical = Better(lexical, corrected);
        }

        var rankingCount = texts.Count;
        if (forConfidence is not null && !texts.Contains(forConfidence))
        {
            texts.Add(forConfidence);
        }

        float[][] vectors;
        try
        {
            vectors = embedder.Embed(texts);
        }
#pragma warning disable CA1031 // The model failing must not stop the coach answering: this search is lexical.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogEmbeddingFailed(_logger, exception);
            return _lucene.Search(query, k);
        }

        var rankingVectors = vectors[..rankingCount];
        var scores = Score(semantic, lexical, rankingVectors);
        var order = RankFusion.Order(scores.Fused, scores.Lexical);
        var queryVector = rankingVectors[^1];
        var passages = SectionCap.Take(order, docId => _lucene.Index.ChunkAt(docId), _lucene.Settings.MaxPerSection, k)
            .Select(docId => new ScoredPassage(
                _lucene.Index.ChunkAt(docId).Passage,
                (float)scores.Fused[docId],
                VectorMath.Dot(queryVector, semantic.PassageVector(docId))))
            .ToList();
        var bestSimilarity = vectors.Length > rankingVectors.Length ? Math.Max(scores.BestSimilarity, Dense(semantic, vectors[^1..], 0).Max()) : scores.BestSimilarity;
        // Typos can hide a question's topic words from Lucene ("system desgin"): the corrected question's lexical confidence
        // counts too, but only when the sentence model also sees the topic (best cosine above the floor), since a real word
        // the corrector does not know can be "corrected" into a guide word ("bake bread" → "make bread").
        // Chat spellings are no guesses: the spelled-out question's lexical confidence counts whatever the sentence model sees.
        var lexicalConfidence = Math.Max(
            bestSimilarity > _settings.SimilarityFloor ? Math.Max(lexical.Confidence.Confidence, correctedConfidence) : lexical.Confidence.Confidence,
            _lucene.SpelledOutConfidence(query));
        var confidence = Confidence(lexicalConfidence, bestSimilarity);
        return new RetrievalResult(passages, confidence, lexical.ExpandedTerms, queryVector);
    }

    /// <summary>The two lexical searches merged: per passage the better BM25 score, best first; the first search's plan and confidence.</summary>
    private static LexicalSearch Better(LexicalSearch first, LexicalSearch second)
    {
        var hits = first.Hits.Concat(second.Hits)
            .GroupBy(hit => hit.DocId)
            .Select(group => group.MaxBy(hit => hit.Score)!)
            .OrderByDescending(hit => hit.Score)
            .ThenBy(hit => hit.DocId)
            .ToList();
        return first with { Hits = hits };
    }

    /// <summary>The semantic evidence alone, in [0, 1]: the best dense score mapped between the floor and the ceiling.</summary>
    public double SemanticConfidence(double bestDense) =>
        Math.Clamp((bestDense - _settings.SimilarityFloor) / (_settings.SimilarityCeiling - _settings.SimilarityFloor), 0, 1);

    private double Confidence(double lexical, double bestDense) => Math.Max(lexical, SemanticConfidence(bestDense));

    private (double[] Lexical, double[] Dense, double[] Fused, double BestSimilarity) Score(SemanticPassageIndex semantic, LexicalSearch lexicalSearch, float[][] vectors)
    {
        var count = semantic.PassageCount;
        var lexical = new double[count];
        foreach (var hit in lexicalSearch.Hits)
        {
            lexical[hit.DocId] = hit.Score;
        }

        var parts = DenseParts(semantic, vectors, (float)_settings.HubnessWeight, _settings.SentenceTopN);
        var dense = Combine(parts);
        var bestSimilarity = (_settings.HubnessWeight == 0 && _settings.SentenceTopN <= 1 && _settings.SentenceBlend == 0 ? dense : Combine(DenseParts(semantic, vectors, 0, 1), blend: 0)).Max();
        var fused = _settings.Fusion switch
        {
            FusionMethod.Reciprocal when _settings.NeighbourQuestions > 0 || _settings.SentenceListShare > 0 => ExtraLists(semantic, vectors, lexical, dense, parts.Sentences),
            FusionMethod.Reciprocal when _settings.SeparateDenseLists => RankFusion.Reciprocal(
                lexical,
                [parts.Passages, Scaled(parts.Questions, _settings.QuestionWeight), Scaled(parts.Sentences, _settings.SentenceWeight)],
                _settings.LexicalWeight,
                _settings.ReciprocalK),
            FusionMethod.Reciprocal => RankFusion.Reciprocal(lexical, dense, _settings.LexicalWeight, _settings.ReciprocalK),
            _ => RankFusion.WeightedSum(lexical, dense, _settings.LexicalWeight),
        };
        if (_settings.SectionShare > 0)
        {
            var sections = SectionScores(_settings.SectionFromFused ? fused : dense);
            RankFusion.AddReciprocalRanks(fused, sections, _settings.SectionShare * (1 - _settings.LexicalWeight), _settings.ReciprocalK, onlyPositive: false);
        }

        return (lexical, dense, fused, bestSimilarity);
    }

    /// <summary>
    /// Reciprocal rank fusion of the lexical ranking, the dense ranking and the further rankings the settings ask for:
    /// the neighbour votes of the query's nearest expansion questions, and the sentence scores on their own.
    /// </summary>
    private double[] ExtraLists(SemanticPassageIndex semantic, float[][] vectors, double[] lexical, double[] dense, double[] sentences)
    {
        var denseShare = 1 - _settings.LexicalWeight;
        var votesShare = _settings.NeighbourQuestions > 0 ? denseShare * _settings.NeighbourShare : 0;
        var sentencesShare = denseShare * _settings.SentenceListShare;
        var fused = new double[dense.Length];
        RankFusion.AddReciprocalRanks(fused, lexical, _settings.LexicalWeight, _settings.ReciprocalK, onlyPositive: true);
        RankFusion.AddReciprocalRanks(fused, dense, denseShare - votesShare - sentencesShare, _settings.ReciprocalK, onlyPositive: false);
        if (votesShare > 0)
        {
            var votes = new double[dense.Length];
            foreach (var vector in vectors)
            {
                var cast = semantic.QuestionVotes(vector, _settings.NeighbourQuestions);
                for (var docId = 0; docId < votes.Length; docId++)
                {
                    votes[docId] = Math.Max(votes[docId], cast[docId]);
                }
            }

            RankFusion.AddReciprocalRanks(fused, votes, votesShare, _settings.ReciprocalK, onlyPositive: true);
        }

        if (sentencesShare > 0)
        {
            RankFusion.AddReciprocalRanks(fused, sentences, sentencesShare, _settings.ReciprocalK, onlyPositive: false);
        }

        return fused;
    }

    /// <summary>Per passage, the best of its own cosine, its sentences' and its expansion questions' (weighted), over the query's variants.</summary>
    private double[] Dense(SemanticPassageIndex semantic, float[][] vectors, float hubness) => Combine(DenseParts(semantic, vectors, hubness, 1), blend: 0);

    private double[] Combine((double[] Passages, double[] Questions, double[] Sentences) parts) => Combine(parts, _settings.SentenceBlend);

    private double[] Combine((double[] Passages, double[] Questions, double[] Sentences) parts, double blend)
    {
        var dense = new double[parts.Passages.Length];
        for (var docId = 0; docId < dense.Length; docId++)
        {
            var questions = _settings.QuestionWeight * parts.Questions[docId];
            if (blend > 0)
            {
                var sentences = parts.Sentences[docId] == double.MinValue ? parts.Passages[docId] : parts.Sentences[docId];
                dense[docId] = Math.Max(questions, ((1 - blend) * parts.Passages[docId]) + (blend * sentences));
                continue;
            }

            var best = Math.Max(parts.Passages[docId], questions);
            dense[docId] = Math.Max(best, _settings.SentenceWeight * parts.Sentences[docId]);
        }

        return dense;
    }

    /// <summary>Per passage, the best cosine of its own vector, of its expansion questions and of its sentences (mean of the best <paramref name="sentenceTopN"/>), over the query's variants.</summary>
    private static (double[] Passages, double[] Questions, double[] Sentences) DenseParts(SemanticPassageIndex semantic, float[][] vectors, float hubness, int sentenceTopN)
    {
        var count = semantic.PassageCount;
        var passages = Filled(count);
        var questions = Filled(count);
        var sentences = Filled(count);
        foreach (var vector in vectors)
        {
            var p = semantic.PassageSimilarities(vector, hubness);
            var q = semantic.QuestionSimilarities(vector, hubness);
            var s = sentenceTopN > 1 ? semantic.SentenceSimilarities(vector, sentenceTopN) : semantic.SentenceSimilarities(vector, hubness);
            for (var docId = 0; docId < count; docId++)
            {
                passages[docId] = Math.Max(passages[docId], p[docId]);
                questions[docId] = Math.Max(questions[docId], q[docId] == float.MinValue ? double.MinValue : q[docId]);
                sentences[docId] = Math.Max(sentences[docId], s[docId] == float.MinValue ? double.MinValue : s[docId]);
            }
        }

        return (passages, questions, sentences);
    }

    /// <summary>
    /// Per passage, its section's score: the section's best passage score plus <see cref="HybridSettings.SectionSecondWeight"/>
    /// times its second best, and a thousandth of the passage's own score so that the passages of one section keep their order.
    /// </summary>
    private double[] SectionScores(double[] scores)
    {
        var sectionOf = _sectionOf.Value;
        var best = new double[sectionOf.Length];
        var second = new double[sectionOf.Length];
        Array.Fill(best, double.MinValue);
        Array.Fill(second, double.MinValue);
        for (var docId = 0; docId < scores.Length; docId++)
        {
            var section = sectionOf[docId];
            if (scores[docId] > best[section])
            {
                second[section] = best[section];
                best[section] = scores[docId];
            }
            else if (scores[docId] > second[section])
            {
                second[section] = scores[docId];
            }
        }

        var result = new double[scores.Length];
        for (var docId = 0; docId < scores.Length; docId++)
        {
            var section = sectionOf[docId];
            var secondBest = second[section] == double.MinValue ? 0 : second[section];
            result[docId] = best[section] + (_settings.SectionSecondWeight * secondBest) + (0.001 * scores[docId]);
        }

        return result;
    }

    /// <summary>A number per section (in order of first appearance), by document id.</summary>
    private static int[] SectionNumbers(PassageIndex index)
    {
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var sectionOf = new int[index.Count];
        for (var docId = 0; docId < sectionOf.Length; docId++)
        {
            var reference = index.ChunkAt(docId).Section.Reference;
            if (!numbers.TryGetValue(reference, out var number))
            {
                number = numbers.Count;
                numbers[reference] = number;
            }

            sectionOf[docId] = number;
        }

        return sectionOf;
    }

    private static double[] Filled(int count)
    {
        var values = new double[count];
        Array.Fill(values, double.MinValue);
        return values;
    }

    private static double[] Scaled(double[] values, double weight) =>
        values.Select(value => value == double.MinValue ? double.MinValue : value * weight).ToArray();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Embedding the question failed; this search is lexical only")]
    private static partial void LogEmbeddingFailed(ILogger logger, Exception exception);
}
