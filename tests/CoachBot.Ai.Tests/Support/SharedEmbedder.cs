using CoachBot.Knowledge.Semantic;

namespace CoachBot.Ai.Tests.Support;

/// <summary>
/// The real all-MiniLM-L6-v2 embedder, loaded once per test process (about 2 s and 250 MB), shared by every test that
/// needs meaning; it is thread-safe and never disposed before the process ends.
/// </summary>
public static class SharedEmbedder
{
    private static readonly Lazy<MiniLmTextEmbedder> Lazy = new(() => new MiniLmTextEmbedder(), LazyThreadSafetyMode.ExecutionAndPublication);

    public static MiniLmTextEmbedder Instance => Lazy.Value;

    public static SemanticModel Model => new(Instance);
}
