namespace CoachBot.Knowledge.Tests.Semantic;

/// <summary>
/// A question asked the moment the bot restarts waits for the stored vectors instead of being searched lexically only
/// (a typo question would be declined); while texts are being embedded (a first start) searches never wait.
/// </summary>
public sealed class StoredVectorsWaitTests
{
    private const string Question = "how much do backend devs get paid";
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Search_WhileTheWarmupReadsStoredVectors_WaitsAndIsHybrid()
    {
        var stored = new InMemoryPassageVectorStore();
        using (var first = new SemanticWarmup(new SemanticModel(new HashingTextEmbedder()), TestKnowledge.Retriever, TestKnowledge.Base, stored))
        {
            Assert.NotNull(await first.EnsureReadyAsync());   // a previous run stored every vector
        }

        var gated = new GatedLoadStore(stored);
        using var restart = new SemanticWarmup(new SemanticModel(new HashingTextEmbedder()), TestKnowledge.Retriever, TestKnowledge.Base, gated);
        var hybrid = new HybridPassageRetriever(TestKnowledge.Retriever, restart, HybridSettings.Default with { StoredVectorsWait = HangGuard });
        _ = restart.EnsureReadyAsync();
        await gated.LoadStarted.Task.WaitAsync(HangGuard);

        var search = Task.Run(() => hybrid.Search(Question, 3));
        await Task.Delay(100);
        Assert.False(search.IsCompleted);   // the search is waiting for the look-up, not answering lexically
        gated.Release.SetResult();
        var result = await search.WaitAsync(HangGuard);

        Assert.Equal(SemanticState.Ready, restart.State);
        Assert.NotNull(result.QueryVector);
        Assert.All(result.Passages, passage => Assert.NotNull(passage.Similarity));
    }

    [Fact]
    public async Task Search_WhileTheWarmupEmbeds_DoesNotWaitAndIsLexical()
    {
        var embedder = new GatedEmbedder(new HashingTextEmbedder());
        using var firstStart = new SemanticWarmup(new SemanticModel(embedder), TestKnowledge.Retriever, TestKnowledge.Base, new InMemoryPassageVectorStore());
        var hybrid = new HybridPassageRetriever(TestKnowledge.Retriever, firstStart, HybridSettings.Default with { StoredVectorsWait = TimeSpan.FromMinutes(10) });
        _ = firstStart.EnsureReadyAsync();
        await embedder.EmbedStarted.Task.WaitAsync(HangGuard);

        var result = await Task.Run(() => hybrid.Search(Question, 3)).WaitAsync(HangGuard);   // returns with the model still blocked

        Assert.Equal(SemanticState.Warming, firstStart.State);
        Assert.Null(result.QueryVector);
        Assert.Equal(TestKnowledge.Retriever.Search(Question, 3).Passages.Select(p => p.Passage.Id), result.Passages.Select(p => p.Passage.Id));
        embedder.Release.Set();
        Assert.NotNull(await firstStart.EnsureReadyAsync().WaitAsync(HangGuard));
    }

    [Fact]
    public async Task Search_WithNoWait_WhileReadingStoredVectors_IsLexical()
    {
        var gated = new GatedLoadStore(new InMemoryPassageVectorStore());
        using var restart = new SemanticWarmup(new SemanticModel(new HashingTextEmbedder()), TestKnowledge.Retriever, TestKnowledge.Base, gated);
        var hybrid = new HybridPassageRetriever(TestKnowledge.Retriever, restart, HybridSettings.Default with { StoredVectorsWait = TimeSpan.Zero });
        _ = restart.EnsureReadyAsync();
        await gated.LoadStarted.Task.WaitAsync(HangGuard);

        var result = hybrid.Search(Question, 3);

        Assert.Null(result.QueryVector);
        gated.Release.SetResult();
    }

    private sealed class GatedLoadStore(IPassageVectorStore inner) : IPassageVectorStore
    {
        public TaskCompletionSource LoadStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<IReadOnlyDictionary<string, float[]>> LoadAsync(string modelId, IReadOnlyCollection<string> textHashes, CancellationToken cancellationToken)
        {
            LoadStarted.TrySetResult();
            await Release.Task.WaitAsync(cancellationToken);
            return await inner.LoadAsync(modelId, textHashes, cancellationToken);
        }

        public Task SaveAsync(string modelId, IReadOnlyList<StoredVector> vectors, CancellationToken cancellationToken) => inner.SaveAsync(modelId, vectors, cancellationToken);

        public Task<int> DeleteAllExceptAsync(string modelId, IReadOnlyCollection<string> keepHashes, CancellationToken cancellationToken) => inner.DeleteAllExceptAsync(modelId, keepHashes, cancellationToken);
    }

    private sealed class GatedEmbedder(ITextEmbedder inner) : ITextEmbedder
    {
        public TaskCompletionSource EmbedStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ManualResetEventSlim Release { get; } = new();

        public string ModelId => inner.ModelId;

        public int Dimensions => inner.Dimensions;

        public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
        {
            EmbedStarted.TrySetResult();
            Release.Wait(cancellationToken);
            return inner.Embed(texts, cancellationToken);
        }
    }
}
