using CoachBot.Knowledge.Retrieval;
using Moq;

namespace CoachBot.Coaching.Tests.Interview;

public sealed class InterviewTopicSourcesTests
{
    private static readonly Lazy<GuideCatalog> Guides = new(() => GuideCatalog.Load(InterviewRepo.Knowledge));

    private static readonly InterviewQuestion Question = new(
        "db-junior-indexes",
        InterviewLevel.Junior,
        "databases",
        "What is a database index and when would you add one?",
        [new RubricPoint("Speeds up lookups by avoiding a full table scan", ["full table scan"])],
        "backend-core-skills#databases-and-query-languages");

    private static readonly ScoredPassage Found = new(new Passage("p1", "guide", "Guide", ["Databases"], "Indexes speed up lookups."), 1f);

    [Fact]
    public void The_topic_is_searched_once_per_question_when_semantic_retrieval_answered()
    {
        var retriever = Retriever(new RetrievalResult([Found], 0.9, [], QueryVector: [1f]));
        var sources = new InterviewTopicSources(Guides.Value, retriever.Object);

        var first = sources.Passages(Question);
        var second = sources.Passages(Question);

        Assert.Equal([Found], first);
        Assert.Same(first, second);
        retriever.Verify(r => r.Search(It.Is<string>(q => q.StartsWith(Question.Question, StringComparison.Ordinal)), InterviewTopicSources.PassageCount), Times.Once);
    }

    [Fact]
    public void A_lexical_only_result_is_not_kept_so_the_semantic_one_replaces_it_once_the_model_is_ready()
    {
        var retriever = Retriever(new RetrievalResult([Found], 0.9, []));
        var sources = new InterviewTopicSources(Guides.Value, retriever.Object);

        sources.Passages(Question);
        sources.Passages(Question);

        retriever.Verify(r => r.Search(It.IsAny<string>(), It.IsAny<int>()), Times.Exactly(2));
    }

    private static Mock<IPassageRetriever> Retriever(RetrievalResult result)
    {
        var retriever = new Mock<IPassageRetriever>();
        retriever.Setup(r => r.Search(It.IsAny<string>(), It.IsAny<int>())).Returns(result);
        return retriever;
    }
}
