using CoachBot.Dashboard.Pages;
using CoachBot.Knowledge.Guides;
using CoachBot.Knowledge.Semantic;
using CoachBot.Storage.Dashboard;
using CoachBot.Storage.Feedback;

namespace CoachBot.Host.Tests.Dashboard;

public sealed class KnowledgeGapsTests
{
    [Fact]
    public void Gaps_AreGroupedByMeaning_WithTheirCounts_AndAnsweredQuestionsWithoutDownVotesAreLeftOut()
    {
        var gaps = new KnowledgeGaps(new SemanticModel(new TopicEmbedder()), new GuideCatalog([]));

        var groups = gaps.Group(
            [
                Logged("how do I shard postgres?", QuestionDecision.Declined),
                Logged("what is database sharding?", QuestionDecision.Partly),
                Logged("how much does a junior earn?", QuestionDecision.Declined),
                Logged("sharding across regions?", QuestionDecision.Answered, down: 2),
                Logged("what is an index?", QuestionDecision.Answered),
            ],
            CancellationToken.None);

        Assert.Equal(2, groups.Count);
        var shards = groups[0];
        Assert.Equal(3, shards.Questions.Count);
        Assert.Equal((1, 1, 2), (shards.Declined, shards.Partly, shards.DownVotes));
        Assert.Equal("backend#databases", shards.SectionReference);
        Assert.Equal("how much does a junior earn?", Assert.Single(groups[1].Questions).Record.Question);
        Assert.DoesNotContain(groups.SelectMany(g => g.Questions), q => q.Record.Question == "what is an index?");
    }

    private static LoggedQuestion Logged(string question, QuestionDecision decision, int down = 0) => new(
        new AnswerRecord { Id = question, Question = question, Decision = decision, Scores = "backend#databases/0 1.5 0.4\nbackend#pay/1 0.9" },
        Up: 0,
        Down: down);

    /// <summary>Two topics, two directions: questions about sharding are close to each other and far from pay.</summary>
    private sealed class TopicEmbedder : ITextEmbedder
    {
        public string ModelId => "topics";

        public int Dimensions => 2;

        public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
            texts.Select(t => t.Contains("shard", StringComparison.OrdinalIgnoreCase) ? new[] { 1f, 0f } : [0f, 1f]).ToArray();
    }
}
