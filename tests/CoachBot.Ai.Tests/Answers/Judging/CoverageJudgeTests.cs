using CoachBot.Ai.Answers.Coverage;
using CoachBot.Ai.Answers.Meaning;
using CoachBot.Knowledge;

namespace CoachBot.Ai.Tests.Answers.Judging;

/// <summary>The coverage judge over the real Lucene retriever, the bundled guides and the real MiniLM model.</summary>
public sealed class CoverageJudgeTests(CoverageJudgeTests.Fixture fixture) : IClassFixture<CoverageJudgeTests.Fixture>
{
    private const double MinConfidence = KnowledgeOptions.DefaultMinConfidence;

    private CoverageVerdict Judge(string question)
    {
        var retrieval = fixture.Retriever.Search(question, 3);
        var meaning = QuestionMeaning.Measure(question, retrieval.Passages, retrieval.QueryVector, fixture.Vectors);
        return CoverageJudge.Judge(question, retrieval, meaning, MinConfidence);
    }

    [Theory]
    [InlineData("which database should i learn, mysql or postgres?")]
    [InlineData("how do i get a mentor")]
    [InlineData("do i need a cs degree")]
    [InlineData("how do I protect my app from SQL injection")]
    [InlineData("is backend a safe bet job security wise? dont wanna get laid off in 2 yrs")]
    public void Judge_QuestionTheGuidesAnswer_IsAnswered(string question) =>
        Assert.Equal(AnswerCoverage.Answered, Judge(question).Coverage);

    [Theory]
    [InlineData("how do I avoid burnout")]
    [InlineData("how do I write a resume")]
    [InlineData("how do I negotiate a raise")]
    [InlineData("how do I ask my manager for a promotion")]
    [InlineData("how do I write a cover letter")]
    [InlineData("give me a good recipe for lasagna")]
    public void Judge_QuestionTheGuidesOnlyTouchOrMiss_IsNotCovered(string question) =>
        Assert.Equal(AnswerCoverage.NotCovered, Judge(question).Coverage);

    [Fact]
    public void Judge_SalaryInACityTheGuidesDoNotName_IsPartlyAnsweredNamingTheCity()
    {
        var verdict = Judge("how much do backend devs make in London");

        Assert.Equal(AnswerCoverage.PartlyAnswered, verdict.Coverage);
        Assert.Equal("London", Assert.Single(verdict.Missing).Text);
        Assert.StartsWith("The guides don't give figures for London", verdict.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_FigureQuestionWhosePassagesGiveNoFigure_IsPartlyAnswered()
    {
        var retrieval = new RetrievalResult([GuideText.Scored("backend-developer-career-guide", "Entry-Level Positions")], 0.9, []);

        var verdict = CoverageJudge.Judge("how much does a junior backend developer make?", retrieval, null, MinConfidence);

        Assert.Equal(AnswerCoverage.PartlyAnswered, verdict.Coverage);
        Assert.True(verdict.MissingFigures);
    }

    [Fact]
    public void Judge_ModelOff_FollowsTheLexicalThresholdAlone()
    {
        var passage = GuideText.Scored("backend-career-path", "Database Management");

        var confident = CoverageJudge.Judge("which database should I learn?", new RetrievalResult([passage], 0.8, []), null, MinConfidence);
        var unsure = CoverageJudge.Judge("which database should I learn?", new RetrievalResult([passage], 0.3, []), null, MinConfidence);

        Assert.Equal(AnswerCoverage.Answered, confident.Coverage);
        Assert.Equal(AnswerCoverage.NotCovered, unsure.Coverage);
        Assert.Null(confident.Semantic);
    }

    [Fact]
    public void Judge_SemanticRetrievalSaysThePassageIsUnrelated_IsNotCoveredDespiteLexicalConfidence()
    {
        var passage = GuideText.Scored("backend-career-path", "Database Management") with { Similarity = 0.12f };

        var verdict = CoverageJudge.Judge("how do I avoid burnout", new RetrievalResult([passage], 0.9, []), null, MinConfidence);

        Assert.Equal(AnswerCoverage.NotCovered, verdict.Coverage);
    }

    [Fact]
    public void Judge_LowLexicalConfidenceButCloseMeaning_IsCovered()
    {
        var passage = GuideText.Scored("how-to-become-backend-engineer", "Backend Engineering Salaries") with { Similarity = 0.7f };

        var verdict = CoverageJudge.Judge("what kinda money do server side folks pull in", new RetrievalResult([passage], 0.2, []), null, MinConfidence);

        Assert.NotEqual(AnswerCoverage.NotCovered, verdict.Coverage);
    }

    public sealed class Fixture : IDisposable
    {
        public Fixture()
        {
            Services = KnowledgeAiServices.BuildHybrid();
            Retriever = Services.GetRequiredService<IPassageRetriever>();
            Vectors = Services.GetRequiredService<SentenceVectorCache>();
        }

        public ServiceProvider Services { get; }

        public IPassageRetriever Retriever { get; }

        public SentenceVectorCache Vectors { get; }

        public void Dispose() => Services.Dispose();
    }
}
