using CoachBot.Knowledge.Semantic;
using CoachBot.Storage.PassageVectors;
using Microsoft.Extensions.Time.Testing;

namespace CoachBot.Storage.Tests.PassageVectors;

public abstract class PassageVectorStoreContract : StoreContract
{
    private const string Model = "model-a";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 21, 0, 0, TimeSpan.Zero));

    private PassageVectorStore Store => new(Database.Contexts, _time);

    [StoreFact]
    public async Task SaveAsync_ThenLoadAsync_ReturnsTheSameVectorsByTextHash()
    {
        var first = Vector(0.25f, -0.5f, 0.75f, 1e-7f);
        var second = Vector(1f, 0f, 0f, 0f);
        await Store.SaveAsync(Model, [new StoredVector(TextHash.Of("first"), first), new StoredVector(TextHash.Of("second"), second)], CancellationToken.None);

        var loaded = await Store.LoadAsync(Model, [TextHash.Of("first"), TextHash.Of("second"), TextHash.Of("never stored")], CancellationToken.None);

        Assert.Equal(2, loaded.Count);
        Assert.Equal(first, loaded[TextHash.Of("first")]);
        Assert.Equal(second, loaded[TextHash.Of("second")]);
    }

    [StoreFact]
    public async Task LoadAsync_AnotherModelsVectors_AreNotReturned()
    {
        await Store.SaveAsync(Model, [new StoredVector(TextHash.Of("text"), Vector(1, 2, 3))], CancellationToken.None);

        var loaded = await Store.LoadAsync("model-b", [TextHash.Of("text")], CancellationToken.None);

        Assert.Empty(loaded);
    }

    [StoreFact]
    public async Task SaveAsync_AKeyAlreadyStored_KeepsTheFirstVectorAndStoresTheRest()
    {
        await Store.SaveAsync(Model, [new StoredVector(TextHash.Of("text"), Vector(1, 0))], CancellationToken.None);

        await Store.SaveAsync(Model, [new StoredVector(TextHash.Of("text"), Vector(0, 1)), new StoredVector(TextHash.Of("new"), Vector(0.5f, 0.5f))], CancellationToken.None);

        var loaded = await Store.LoadAsync(Model, [TextHash.Of("text"), TextHash.Of("new")], CancellationToken.None);
        Assert.Equal(Vector(1, 0), loaded[TextHash.Of("text")]);
        Assert.Equal(Vector(0.5f, 0.5f), loaded[TextHash.Of("new")]);
    }

    [StoreFact]
    public async Task LoadAsync_ManyHashes_FindsThemAll()
    {
        var vectors = Enumerable.Range(0, 700).Select(i => new StoredVector(TextHash.Of($"text {i}"), Vector(i, 1))).ToList();
        await Store.SaveAsync(Model, vectors, CancellationToken.None);

        var loaded = await Store.LoadAsync(Model, vectors.Select(v => v.TextHash).ToList(), CancellationToken.None);

        Assert.Equal(700, loaded.Count);
        Assert.Equal(Vector(699, 1), loaded[TextHash.Of("text 699")]);
    }

    [StoreFact]
    public async Task DeleteAllExceptAsync_DeletesTextsNoLongerKeptAndOtherModels_KeepsTheRest()
    {
        var kept = Enumerable.Range(0, 600).Select(i => new StoredVector(TextHash.Of($"kept {i}"), Vector(i, 1))).ToList();
        var stale = Enumerable.Range(0, 550).Select(i => new StoredVector(TextHash.Of($"stale {i}"), Vector(i, 2))).ToList();
        await Store.SaveAsync(Model, [.. kept, .. stale], CancellationToken.None);
        await Store.SaveAsync("model-b", [new StoredVector(TextHash.Of("kept 0"), Vector(9, 9))], CancellationToken.None);

        var deleted = await Store.DeleteAllExceptAsync(Model, kept.Select(v => v.TextHash).ToList(), CancellationToken.None);

        Assert.Equal(551, deleted);
        var all = kept.Concat(stale).Select(v => v.TextHash).ToList();
        var left = await Store.LoadAsync(Model, all, CancellationToken.None);
        Assert.Equal(kept.Select(v => v.TextHash).Order(StringComparer.Ordinal), left.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(await Store.LoadAsync("model-b", [TextHash.Of("kept 0")], CancellationToken.None));
    }

    private static float[] Vector(params float[] values) => values;
}
