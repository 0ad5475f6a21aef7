namespace CoachBot.Knowledge.Tests.Semantic;

/// <summary>Vectors come from the store by model and text hash: only new or changed texts reach the embedder.</summary>
public sealed class PassageVectorCachingTests : IDisposable
{
    private const string Guide = TwoSectionGuide.Text;

    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task Build_SecondTimeWithTheSameStore_EmbedsNothing()
    {
        var store = new InMemoryPassageVectorStore();
        var first = await BuildAsync(Guide, store);

        var second = await BuildAsync(Guide, store);

        Assert.True(first.Counter.Texts > 0);
        Assert.Equal(first.Counter.Texts, first.Build.Embedded);
        Assert.Equal(0, second.Counter.Texts);
        Assert.Equal(first.Build.Loaded + first.Build.Embedded, second.Build.Loaded);
    }

    [Fact]
    public async Task Build_AfterOnePassageChanged_EmbedsOnlyThatPassagesTexts()
    {
        var store = new InMemoryPassageVectorStore();
        await BuildAsync(Guide, store);
        var changed = TwoSectionGuide.Changed;

        var rebuilt = await BuildAsync(changed, store);

        // The changed passage, its changed sentence and the next one (embedded with the sentence before it); the
        // databases passage and its sentences come from the store.
        Assert.Equal(3, rebuilt.Counter.Texts);
        Assert.Contains(rebuilt.Embedded, text => text.Contains("design APIs", StringComparison.Ordinal) && text.StartsWith("Cache Guide > Careers\n", StringComparison.Ordinal));
        Assert.DoesNotContain(rebuilt.Embedded, text => text.Contains("Relational", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Build_EmbedsInBatchesOfAtMostEight()
    {
        var build = await BuildAsync(Guide + "\n\n## More\n\n" + string.Join("\n\n", Enumerable.Range(1, 20).Select(i => $"Paragraph number {i} says something. It has two sentences.")), new InMemoryPassageVectorStore());

        Assert.True(build.Counter.Texts > SemanticIndexBuilder.BatchSize);
        Assert.All(build.Counter.BatchSizes, size => Assert.InRange(size, 1, SemanticIndexBuilder.BatchSize));
    }

    [Fact]
    public async Task Warmup_AfterAPassageChanged_DeletesTheOldTextsVectorsAndAnotherModelsButKeepsTodays()
    {
        var store = new InMemoryPassageVectorStore();
        await BuildAsync(Guide, store);
        var embedder = new HashingTextEmbedder();
        await store.SaveAsync("another-model", [new StoredVector(TextHash.Of("Relational databases store rows in tables."), [1f])], CancellationToken.None);
        var changed = TwoSectionGuide.Changed;
        var knowledge = TwoSectionGuide.Write(_folder, changed);
        using var lucene = new LucenePassageRetriever(knowledge);
        var before = store.Count;

        using var warmup = new SemanticWarmup(new SemanticModel(embedder), lucene, knowledge, store);
        var index = await warmup.EnsureReadyAsync();

        Assert.NotNull(index);
        var todays = await new SemanticIndexBuilder(embedder, new InMemoryPassageVectorStore()).BuildAsync(lucene.Index, knowledge, progress: null, CancellationToken.None);
        // Stale: the old careers passage and its two old sentence texts (the new ones were added), and the other model's vector.
        Assert.Equal(4, warmup.StaleDeleted);
        Assert.Equal(before + 3 - 4, store.Count);
        Assert.Equal(todays.TextHashes.Count, store.Count);
        var kept = await store.LoadAsync(embedder.ModelId, todays.TextHashes.ToList(), CancellationToken.None);
        Assert.Equal(todays.TextHashes.Count, kept.Count);
        Assert.Empty(await store.LoadAsync("another-model", [TextHash.Of("Relational databases store rows in tables.")], CancellationToken.None));
    }

    public void Dispose() => _folder.Dispose();

    private Task<(SemanticIndexBuild Build, CountingTextEmbedder Counter, List<string> Embedded)> BuildAsync(string guide, IPassageVectorStore store) =>
        TwoSectionGuide.BuildAsync(_folder, guide, store);
}
