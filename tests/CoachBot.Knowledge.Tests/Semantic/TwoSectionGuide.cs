namespace CoachBot.Knowledge.Tests.Semantic;

/// <summary>
/// A small guide of two sections (databases, careers) in a temporary knowledge folder, and a build of its semantic index
/// with a counting embedder: the vector-store tests change one sentence of it and count what is embedded again.
/// </summary>
internal static class TwoSectionGuide
{
    public const string Text = """
        ---
        id: cache-guide
        title: Cache Guide
        source: 999_cache.txt
        topics: [caching]
        ---

        # Cache Guide

        ## Databases

        Relational databases store rows in tables. Indexes make lookups fast.

        ## Careers

        Backend engineers build APIs. They also look after the servers that run them.
        """;

    /// <summary>The guide with its careers sentence changed ("build" → "design"): one passage and two sentence texts differ.</summary>
    public static string Changed => Text.Replace("Backend engineers build APIs.", "Backend engineers design APIs.", StringComparison.Ordinal);

    /// <summary>Writes <paramref name="guide"/> as the folder's only guide and loads the folder.</summary>
    public static KnowledgeBase Write(TempDirectory folder, string guide)
    {
        folder.Write("guides/cache-guide.md", guide);
        return KnowledgeBase.Load(folder.Path);
    }

    /// <summary>Builds the guide's semantic index against <paramref name="store"/>, counting (and recording) what is embedded.</summary>
    public static async Task<(SemanticIndexBuild Build, CountingTextEmbedder Counter, List<string> Embedded)> BuildAsync(TempDirectory folder, string guide, IPassageVectorStore store)
    {
        var knowledge = Write(folder, guide);
        using var lucene = new LucenePassageRetriever(knowledge);
        var recording = new RecordingTextEmbedder(new HashingTextEmbedder());
        var counter = new CountingTextEmbedder(recording);
        var build = await new SemanticIndexBuilder(counter, store).BuildAsync(lucene.Index, knowledge, progress: null, CancellationToken.None);
        return (build, counter, recording.Texts);
    }
}
