using BenchmarkDotNet.Attributes;
using CoachBot.Knowledge;
using CoachBot.Knowledge.Retrieval;

namespace CoachBot.Benchmarks.Retrieval;

/// <summary>
/// Start-up cost of retrieval: reading knowledge/ (guides, synonyms, expansions) and building the in-memory Lucene
/// index of its passages. Target: under 300 ms for both together.
/// </summary>
[MemoryDiagnoser]
public class IndexBuildBenchmarks
{
    private string _directory = null!;
    private KnowledgeBase _knowledge = null!;

    [GlobalSetup]
    public void Setup()
    {
        _directory = KnowledgeDirectory.Resolve(null) ?? throw new DirectoryNotFoundException("knowledge/ not found; run from the repository.");
        _knowledge = KnowledgeBase.Load(_directory);
    }

    [Benchmark(Description = "load knowledge/ (guides, synonyms, expansions)")]
    public KnowledgeBase LoadKnowledge() => KnowledgeBase.Load(_directory);

    [Benchmark(Description = "build the passage index")]
    public int BuildIndex()
    {
        using var index = PassageIndex.Build(_knowledge);
        return index.Count;
    }

    [Benchmark(Description = "load knowledge/ and build the index (cold start)")]
    public int LoadAndBuild()
    {
        using var index = PassageIndex.Build(KnowledgeBase.Load(_directory));
        return index.Count;
    }
}
