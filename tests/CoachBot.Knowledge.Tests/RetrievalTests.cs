namespace CoachBot.Knowledge.Tests;

public sealed class RetrievalTests
{
    [Theory]
    [InlineData("what do backend engineers earn when they start out", "how-to-become-backend-engineer#backend-engineering-salaries")]
    [InlineData("do I have to study computer science at university", "how-to-become-backend-engineer#formal-education")]
    [InlineData("which tools help with continuous integration pipelines", "backend-core-skills#continuous-integration-and-continuous-deployment-ci-cd")]
    [InlineData("how should i learn kubernetes and docker for deployments", "backend-core-skills#server-management-and-deployment")]
    [InlineData("is an internship a good first step while i'm a student", "how-to-become-backend-engineer#5-internships-and-networking")]
    [InlineData("could automation tools take over my backend job", "backend-developer-career-guide#the-impact-of-automation")]
    [InlineData("what does a backend architect actually do", "backend-developer-career-guide#advanced-titles")]
    [InlineData("where can i practise coding problems", "backend-core-skills#practice-programming-skills")]
    [InlineData("how do i protect user data, oauth and jwt?", "how-to-become-backend-engineer#5-security-best-practices")]
    [InlineData("kubernates or docker first", "backend-core-skills#server-management-and-deployment")]
    public void Search_KnownQuestion_FindsTheAnsweringSectionInTopThree(string question, string expectedSection)
    {
        var result = TestKnowledge.Retriever.Search(question, 3);

        Assert.Contains(result.Passages, passage => passage.Passage.Id.StartsWith(expectedSection + "/", StringComparison.Ordinal));
    }

    [Fact]
    public void Search_Result_IsOrderedAndCarriesCitations()
    {
        var result = TestKnowledge.Retriever.Search("what is a microservices architecture", 5);

        Assert.Equal(5, result.Passages.Count);
        Assert.Equal(result.Passages.OrderByDescending(passage => passage.Score).Select(passage => passage.Score), result.Passages.Select(passage => passage.Score));
        Assert.All(result.Passages, passage => Assert.False(string.IsNullOrEmpty(passage.Passage.ToCitation().Display)));
    }

    [Fact]
    public void Search_NeverReturnsMoreThanTwoPassagesOfOneSection()
    {
        var result = TestKnowledge.Retriever.Search("tips to secure a backend engineering job", 10);

        Assert.All(result.Passages.GroupBy(passage => passage.Passage.Id[..passage.Passage.Id.LastIndexOf('/')]), group => Assert.True(group.Count() <= 2));
    }

    [Theory]
    [InlineData("title:(*")]
    [InlineData("\"")]
    [InlineData("AND OR NOT")]
    [InlineData("salary~ ~2 ^3")]
    [InlineData("\\")]
    [InlineData("a:b:c \\\" ( ] { } [ ) * ? + - && || !")]
    [InlineData("🚀🔥 backend? 👩‍💻")]
    [InlineData("\u0000\u0001\t\r\n")]
    [InlineData("DROP TABLE guides; --")]
    public void Search_HostileQuery_NeverThrows(string query)
    {
        var result = TestKnowledge.Retriever.Search(query, 3);

        Assert.InRange(result.Confidence, 0, 1);
        Assert.True(result.Passages.Count <= 3);
    }

    [Fact]
    public void Search_TenThousandCharacters_ReturnsAResult()
    {
        var query = string.Concat(Enumerable.Repeat("backend salary database kubernetes ", 300));

        var result = TestKnowledge.Retriever.Search(query[..10_000], 3);

        Assert.Equal(3, result.Passages.Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("the and of is")]
    public void Search_NothingToSearch_ReturnsNoPassagesAndZeroConfidence(string query)
    {
        var result = TestKnowledge.Retriever.Search(query, 3);

        Assert.Empty(result.Passages);
        Assert.Equal(0, result.Confidence);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(-5, 1)]
    [InlineData(1000, LucenePassageRetriever.MaxK)]
    public void Search_OutOfRangeK_IsClamped(int k, int expected)
    {
        var result = TestKnowledge.Retriever.Search("backend career path", k);

        Assert.Equal(expected, result.Passages.Count);
    }

    [Fact]
    public async Task Search_ConcurrentFirstUse_BuildsOneIndexAndAnswersEveryCaller()
    {
        using var retriever = new LucenePassageRetriever(TestKnowledge.Base);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => retriever.Search("database design", 3))));

        Assert.All(results, result => Assert.Equal(results[0].Passages.Select(p => p.Passage.Id), result.Passages.Select(p => p.Passage.Id)));
    }
}
