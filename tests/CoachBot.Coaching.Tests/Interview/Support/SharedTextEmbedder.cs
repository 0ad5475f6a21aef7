using CoachBot.Knowledge.Semantic;

namespace CoachBot.Coaching.Tests.Interview.Support;

/// <summary>The real all-MiniLM-L6-v2 embedder, loaded once per test process and shared by every host and scorer.</summary>
public static class SharedTextEmbedder
{
    private static readonly Lazy<MiniLmTextEmbedder> Embedder = new(() => new MiniLmTextEmbedder(), LazyThreadSafetyMode.ExecutionAndPublication);

    public static MiniLmTextEmbedder Instance => Embedder.Value;
}
