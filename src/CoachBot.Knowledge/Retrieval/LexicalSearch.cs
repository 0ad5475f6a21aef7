namespace CoachBot.Knowledge.Retrieval;

/// <summary>One passage found by BM25: its Lucene document id (the index of its chunk in <see cref="PassageIndex.Chunks"/>) and score.</summary>
public sealed record LexicalHit(int DocId, PassageChunk Chunk, double Score);

/// <summary>The lexical half of a search: what the question turned into, the BM25 hits (best first) and the confidence signals.</summary>
public sealed record LexicalSearch(QueryPlan Plan, IReadOnlyList<LexicalHit> Hits, ConfidenceSignals Confidence, IReadOnlyList<string> ExpandedTerms);
