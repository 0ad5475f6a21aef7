namespace CoachBot.Knowledge.Tests.Semantic;

/// <summary>
/// One hybrid retriever over the repository's knowledge with the real model, warmed once per test run (the model
/// loads once, ~2 s; the vectors are embedded once, ~10–20 s on two cores).
/// </summary>
internal static class SemanticTestKnowledge
{
    private static readonly Lazy<MiniLmTextEmbedder> LazyEmbedder = new(() => new MiniLmTextEmbedder());

    private static readonly Lazy<SemanticWarmup> LazyWarmup = new(() =>
    {
        var warmup = new SemanticWarmup(new SemanticModel(LazyEmbedder.Value), TestKnowledge.Retriever, TestKnowledge.Base, new InMemoryPassageVectorStore());
        if (warmup.EnsureReadyAsync().GetAwaiter().GetResult() is null)
        {
            throw new InvalidOperationException("The passage vectors could not be built.");
        }

        return warmup;
    });

    private static readonly Lazy<HybridPassageRetriever> LazyRetriever = new(() => new HybridPassageRetriever(TestKnowledge.Retriever, LazyWarmup.Value));

    public static MiniLmTextEmbedder Embedder => LazyEmbedder.Value;

    public static SemanticWarmup Warmup => LazyWarmup.Value;

    public static HybridPassageRetriever Retriever => LazyRetriever.Value;
}
