namespace CoachBot.Ai.Tests.Integration;

/// <summary>
/// The whole path with real parts: Lucene retrieval over knowledge/, the prompt files, Semantic Kernel's OpenAI
/// connector and real HTTP to the fake OpenAI-compatible server on 127.0.0.1.
/// </summary>
public sealed class LlmAnswerTests : IAsyncLifetime
{
    private const string Question = "which database should I learn, mysql or postgres?";
    private FakeOpenAiServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeOpenAiServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static AnswerRequest Ask(string question) => new(ConversationKey.Terminal, "terminal:me", question);

    [Fact]
    public async Task AnswerAsync_WithTheRealRetriever_SendsTheRetrievedPassagesAndReturnsSources()
    {
        _server.Enqueue(FakeChatResponse.Text("Start with a relational database like PostgreSQL or MySQL [P1]."));
        await using var services = KnowledgeAiServices.Build(AiServices.Llm(_server.BaseUrl));
        var expected = services.GetRequiredService<IPassageRetriever>().Search(Question, 3);

        var answer = await services.GetRequiredService<AnswerService>().AnswerAsync(Ask(Question), CancellationToken.None);

        var sent = Assert.Single(_server.Requests).Messages.Single(m => m.Role == "user").Content;
        for (var i = 0; i < expected.Passages.Count; i++)
        {
            var passage = expected.Passages[i].Passage;
            Assert.Contains($"[P{i + 1}] {passage.ToCitation().Display}", sent, StringComparison.Ordinal);
            Assert.Contains(passage.Text.Trim(), sent, StringComparison.Ordinal);
        }

        Assert.True(answer.UsedLlm);
        Assert.Equal("Start with a relational database like PostgreSQL or MySQL [1].", answer.Text);
        Assert.Equal(expected.Passages[0].Passage.ToCitation(), Assert.Single(answer.Citations));
        Assert.Contains("**Sources**", answer.ToMarkdown(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerAsync_ServerError_FallsBackToFaithfulGuideQuotesWithANote()
    {
        _server.Responder = _ => FakeChatResponse.Status(HttpStatusCode.InternalServerError);
        await using var services = KnowledgeAiServices.Build(AiServices.Llm(_server.BaseUrl));

        var answer = await services.GetRequiredService<AnswerService>().AnswerAsync(Ask(Question), CancellationToken.None);

        Assert.False(answer.UsedLlm);
        Assert.Equal(CoachReplies.LlmFallbackNote, answer.Note);
        Assert.NotEmpty(answer.Citations);
        Assert.All(Quotes.In(answer.Text), q => Assert.Contains(q, GuideText.All, StringComparison.Ordinal));
    }
}
