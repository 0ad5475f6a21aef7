using BenchmarkDotNet.Attributes;
using CoachBot.Knowledge;
using CoachBot.Knowledge.Retrieval;

namespace CoachBot.Benchmarks.Retrieval;

/// <summary>
/// One search of the built index (analysis, synonym and near-spelling expansion, BM25, confidence), top 3.
/// Target: median under 1 ms.
/// </summary>
[MemoryDiagnoser]
public class QueryLatencyBenchmarks
{
    private LucenePassageRetriever _retriever = null!;

    [Params(
        "how much do backend engineers earn?",
        "do u need a cs degree to get a junior backend job or nah",
        "kubernates or docker first for deploying my app",
        "what's the weather in Paris")]
    public string Question { get; set; } = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var directory = KnowledgeDirectory.Resolve(null) ?? throw new DirectoryNotFoundException("knowledge/ not found; run from the repository.");
        _retriever = new LucenePassageRetriever(KnowledgeBase.Load(directory));
        _retriever.Search("warm up", 3);
    }

    [GlobalCleanup]
    public void Cleanup() => _retriever.Dispose();

    [Benchmark(Description = "search top 3")]
    public RetrievalResult Search() => _retriever.Search(Question, 3);
}
