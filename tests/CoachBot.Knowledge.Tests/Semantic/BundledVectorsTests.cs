namespace CoachBot.Knowledge.Tests.Semantic;

/// <summary>
/// A first start on an empty database reads the knowledge folder's bundled vectors instead of embedding every text:
/// only texts edited since the file was written reach the model, and what was read is stored for the next start.
/// </summary>
public sealed class BundledVectorsTests : IDisposable
{
    private const string Guide = TwoSectionGuide.Text;

    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task Build_EmptyStoreWithABundle_EmbedsNothingAndStoresTheBundledVectors()
    {
        await WriteBundleAsync(Guide);
        var store = new InMemoryPassageVectorStore();

        var (build, counter) = await BuildAsync(Guide, store);

        Assert.Equal(0, counter.Texts);
        Assert.Equal(0, build.Embedded);
        Assert.Equal(build.TextHashes.Count, build.FromBundle);
        Assert.Equal(build.TextHashes.Count, store.Count);
    }

    [Fact]
    public async Task Build_AfterAPassageChangedSinceTheBundle_EmbedsOnlyThatPassagesTexts()
    {
        await WriteBundleAsync(Guide);
        var changed = TwoSectionGuide.Changed;

        var (build, counter) = await BuildAsync(changed, new InMemoryPassageVectorStore());

        // The changed passage, its changed sentence and the next one (embedded with the sentence before it).
        Assert.Equal(3, counter.Texts);
        Assert.Equal(build.TextHashes.Count - 3, build.FromBundle);
    }

    [Fact]
    public async Task Build_BundleOfAnotherModel_IsIgnored()
    {
        await WriteBundleAsync(Guide);
        var bundle = BundledVectorFile.PathFor(_folder.Path, new HashingTextEmbedder().ModelId);
        File.Move(bundle, BundledVectorFile.PathFor(_folder.Path, "another-model"));

        var (build, counter) = await BuildAsync(Guide, new InMemoryPassageVectorStore());

        Assert.Equal(0, build.FromBundle);
        Assert.Equal(build.TextHashes.Count, counter.Texts);
    }

    [Fact]
    public async Task Build_BundledVectorsThatCannotBeStored_AreUsedAllTheSame()
    {
        await WriteBundleAsync(Guide);

        var (build, counter) = await BuildAsync(Guide, new FailingSaveStore());

        Assert.Equal(0, counter.Texts);
        Assert.Equal(build.TextHashes.Count, build.FromBundle);
        Assert.True(build.BundleNotStored);

        var knowledge = KnowledgeBase.Load(_folder.Path);
        using var lucene = new LucenePassageRetriever(knowledge);
        using var warmup = new SemanticWarmup(new SemanticModel(new HashingTextEmbedder()), lucene, knowledge, new FailingSaveStore());
        Assert.NotNull(await warmup.EnsureReadyAsync());
        Assert.Equal(SemanticState.Ready, warmup.State);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(200)]
    public async Task Read_TruncatedOrEmptyFile_GivesNoVectors(int keepBytes)
    {
        await WriteBundleAsync(Guide);
        var embedder = new HashingTextEmbedder();
        var path = BundledVectorFile.PathFor(_folder.Path, embedder.ModelId);
        var bytes = await File.ReadAllBytesAsync(path);
        await File.WriteAllBytesAsync(path, bytes[..keepBytes]);

        Assert.Empty(BundledVectorFile.Read(path, embedder.ModelId, embedder.Dimensions));
    }

    [Fact]
    public void Read_WrittenFile_GivesBackTheSameVectors()
    {
        var path = Path.Combine(_folder.Path, "vectors", "round-trip.vectors");
        var vectors = new[] { new StoredVector(TextHash.Of("a"), [0.25f, -1f, 3.5f]), new StoredVector(TextHash.Of("b"), [1f, 2f, 3f]) };

        BundledVectorFile.Write(path, "model-x", 3, vectors);
        var read = BundledVectorFile.Read(path, "model-x", 3);

        Assert.Equal(2, read.Count);
        Assert.Equal(vectors[0].Vector, read[TextHash.Of("a")]);
        Assert.Equal(vectors[1].Vector, read[TextHash.Of("b")]);
        Assert.Empty(BundledVectorFile.Read(path, "model-x", 4));
        Assert.Empty(BundledVectorFile.Read(path, "model-y", 3));
    }

    /// <summary>The repository's own file: a guide or expansion edit without a re-export shows up here.</summary>
    [Fact]
    public void RepositoryBundle_HoldsAVectorForEveryTextOfTheKnowledgeBase()
    {
        var path = BundledVectorFile.PathFor(TestKnowledge.Directory, MiniLmTextEmbedder.Model);
        var bundle = BundledVectorFile.Read(path, MiniLmTextEmbedder.Model, 384);
        var needed = SemanticIndexBuilder.TextHashesOf(TestKnowledge.Retriever.Index, TestKnowledge.Base);

        var missing = needed.Count(hash => !bundle.ContainsKey(hash));

        Assert.True(missing == 0, $"{missing} of {needed.Count} texts have no bundled vector in {path}: run `dotnet run --project src/CoachBot -- export-vectors` after editing guides or expansion questions.");
    }

    public void Dispose() => _folder.Dispose();

    private sealed class FailingSaveStore : IPassageVectorStore
    {
        public Task<IReadOnlyDictionary<string, float[]>> LoadAsync(string modelId, IReadOnlyCollection<string> textHashes, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyDictionary<string, float[]>>(new Dictionary<string, float[]>());

        public Task SaveAsync(string modelId, IReadOnlyList<StoredVector> vectors, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("database is locked");

        public Task<int> DeleteAllExceptAsync(string modelId, IReadOnlyCollection<string> keepHashes, CancellationToken cancellationToken) => Task.FromResult(0);
    }

    private async Task WriteBundleAsync(string guide)
    {
        var knowledge = TwoSectionGuide.Write(_folder, guide);
        using var lucene = new LucenePassageRetriever(knowledge);
        var embedder = new HashingTextEmbedder();
        var store = new InMemoryPassageVectorStore();
        var build = await new SemanticIndexBuilder(embedder, store).BuildAsync(lucene.Index, knowledge with { Directory = null }, progress: null, CancellationToken.None);
        var vectors = await store.LoadAsync(embedder.ModelId, [.. build.TextHashes], CancellationToken.None);
        BundledVectorFile.Write(BundledVectorFile.PathFor(_folder.Path, embedder.ModelId), embedder.ModelId, embedder.Dimensions, vectors.Select(pair => new StoredVector(pair.Key, pair.Value)));
    }

    private async Task<(SemanticIndexBuild Build, CountingTextEmbedder Counter)> BuildAsync(string guide, IPassageVectorStore store)
    {
        var (build, counter, _) = await TwoSectionGuide.BuildAsync(_folder, guide, store);
        return (build, counter);
    }
}
