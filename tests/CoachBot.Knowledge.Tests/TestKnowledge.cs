namespace CoachBot.Knowledge.Tests;

/// <summary>The repository's knowledge folder and one shared retriever over it (building the index once per test run).</summary>
internal static class TestKnowledge
{
    private static readonly string KnowledgePath =
        KnowledgeDirectory.FindUpwards(AppContext.BaseDirectory) ?? throw new InvalidOperationException("knowledge/guides not found above the test output folder.");

    private static readonly Lazy<KnowledgeBase> LazyBase = new(() => KnowledgeBase.Load(KnowledgePath));
    private static readonly Lazy<LucenePassageRetriever> LazyRetriever = new(() => new LucenePassageRetriever(Base));

    public static string Directory => KnowledgePath;

    public static KnowledgeBase Base => LazyBase.Value;

    public static LucenePassageRetriever Retriever => LazyRetriever.Value;

    public static string GuidePath(string guideId) => Path.Combine(Directory, "guides", guideId + ".md");
}
