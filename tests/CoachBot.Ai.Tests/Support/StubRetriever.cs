namespace CoachBot.Ai.Tests.Support;

/// <summary>A retriever seam for unit tests: answers each query with a result chosen by the test, and records queries.</summary>
public sealed class StubRetriever(Func<string, RetrievalResult> search) : IPassageRetriever
{
    public List<string> Queries { get; } = [];

    public static StubRetriever Always(double confidence, params ScoredPassage[] passages) =>
        new(_ => new RetrievalResult(passages, confidence, []));

    public RetrievalResult Search(string query, int k = 3)
    {
        Queries.Add(query);
        return search(query);
    }
}
