namespace CoachBot.Ai.Tests.Answers;

/// <summary>
/// End to end through Semantic Kernel's real OpenAI connector, the resilient HttpClient and real HTTP to a fake
/// OpenAI-compatible server on 127.0.0.1.
/// </summary>
public sealed partial class AnswerServiceLlmTests : IAsyncLifetime
{
    private const string ApiKey = "sk-test-4f1c2e9a";
    private static readonly ConversationKey Conversation = new(ChatPlatform.Discord, "guild", "channel");
    private FakeOpenAiServer _server = null!;

    private static readonly ScoredPassage[] Passages =
    [
        GuideText.Scored("backend-career-path", "Database Management"),
        GuideText.Scored("backend-career-path", "Master Programming Fundamentals", 7f),
    ];

    public async Task InitializeAsync()
    {
        _server = await FakeOpenAiServer.StartAsync();
        _server.RequiredApiKey = ApiKey;
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static AnswerRequest Ask(string question) => new(Conversation, "discord:1", question);

    private ServiceProvider Services(StubRetriever retriever, int timeoutSeconds = 5) =>
        AiServices.Build(retriever, AiServices.Llm(_server.BaseUrl, ApiKey, timeoutSeconds));

    [Fact]
    public async Task AnswerAsync_ModelAnswers_RequestCarriesThePassagesAndReplyComesBackWithSources()
    {
        _server.Enqueue(FakeChatResponse.Text("Start with a relational database such as PostgreSQL [P1], and learn a core language [P2]."));
        await using var services = Services(StubRetriever.Always(0.9, Passages));

        var answer = await services.GetRequiredService<AnswerService>().AnswerAsync(Ask("which database should I learn first?"), CancellationToken.None);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Equal("Bearer " + ApiKey, request.Authorization);
        Assert.Equal("fake-chat-model", request.Model);
        Assert.Equal("system", request.Messages[0].Role);
        var user = request.Messages.Single(m => m.Role == "user").Content;
        Assert.Contains("[P1] Backend Engineer Career Path › Database Management", user, StringComparison.Ordinal);
        Assert.Contains("[P2] Backend Engineer Career Path › Master Programming Fundamentals", user, StringComparison.Ordinal);
        Assert.Contains(Passages[0].Passage.Text, user, StringComparison.Ordinal);
        Assert.Contains("which database should I learn first?", user, StringComparison.Ordinal);

        Assert.True(answer.UsedLlm);
        Assert.False(answer.Declined);
        Assert.Null(answer.Note);
        Assert.Equal("Start with a relational database such as PostgreSQL [1], and learn a core language [2].", answer.Text);
        Assert.Equal(["Database Management", "Master Programming Fundamentals"], answer.Citations.Select(c => c.SectionPath[^1]));
    }

    [Fact]
    public async Task AnswerAsync_ServerError_FallsBackToTheOfflineAnswerWithANote()
    {
        _server.Responder = _ => FakeChatResponse.Status(HttpStatusCode.InternalServerError);
        await using var services = Services(StubRetriever.Always(0.9, Passages));

        var answer = await services.GetRequiredService<AnswerService>().AnswerAsync(Ask("which database should I learn?"), CancellationToken.None);

        Assert.False(answer.UsedLlm);
        Assert.False(answer.Declined);
        Assert.Equal(CoachReplies.LlmFallbackNote, answer.Note);
        Assert.NotEmpty(Quotes.In(answer.Text));
        Assert.All(Quotes.In(answer.Text), q => Assert.Contains(q, GuideText.All, StringComparison.Ordinal));
        Assert.NotEmpty(answer.Citations);
        Assert.Equal(2, _server.Requests.Count); // one retry, then give up
    }

    [Fact]
    public async Task AnswerAsync_ServerHangs_FallsBackWithinTheTimeout()
    {
        _server.Responder = _ => FakeChatResponse.Hang();
        await using var services = Services(StubRetriever.Always(0.9, Passages), timeoutSeconds: 1);
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var answer = await services.GetRequiredService<AnswerService>().AnswerAsync(Ask("which database should I learn?"), guard.Token);

        Assert.False(answer.UsedLlm);
        Assert.Equal(CoachReplies.LlmFallbackNote, answer.Note);
        Assert.NotEmpty(answer.Citations);
    }

    [Fact]
    public async Task AnswerAsync_MalformedJson_FallsBack()
    {
        _server.Responder = _ => FakeChatResponse.Malformed();
        await using var services = Services(StubRetriever.Always(0.9, Passages));

        var answer = await services.GetRequiredService<AnswerService>().AnswerAsync(Ask("which database should I learn?"), CancellationToken.None);

        Assert.False(answer.UsedLlm);
        Assert.Equal(CoachReplies.LlmFallbackNote, answer.Note);
        Assert.NotEmpty(Quotes.In(answer.Text));
    }

    [Fact]
    public async Task AnswerAsync_EmptyModelReply_FallsBack()
    {
        _server.Enqueue(FakeChatResponse.Text("   "));
        await using var services = Services(StubRetriever.Always(0.9, Passages));

        var answer = await services.GetRequiredService<AnswerService>().AnswerAsync(Ask("which database should I learn?"), CancellationToken.None);

        Assert.False(answer.UsedLlm);
        Assert.Equal(CoachReplies.LlmFallbackNote, answer.Note);
    }

    [Fact]
    public async Task AnswerAsync_WrongKey_FallsBackAndStillAnswers()
    {
        _server.RequiredApiKey = "sk-some-other-key";
        await using var services = Services(StubRetriever.Always(0.9, Passages));

        var answer = await services.GetRequiredService<AnswerService>().AnswerAsync(Ask("which database should I learn?"), CancellationToken.None);

        Assert.False(answer.UsedLlm);
        Assert.Equal(CoachReplies.LlmFallbackNote, answer.Note);
    }

    [Fact]
    public async Task AnswerAsync_OffTopic_DeclinesWithoutCallingTheModel()
    {
        await using var services = Services(StubRetriever.Always(0.05, Passages));

        var answer = await services.GetRequiredService<AnswerService>().AnswerAsync(Ask("what's the weather in Paris tomorrow?"), CancellationToken.None);

        Assert.True(answer.Declined);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task AnswerAsync_FollowUp_IsRewrittenByTheModelBeforeSearching()
    {
        _server.Enqueue(
            FakeChatResponse.Text("Learn PostgreSQL [P1]."),
            FakeChatResponse.Text("How much do backend engineers earn?"),
            FakeChatResponse.Text("Salaries vary by experience [P1]."));
        var retriever = StubRetriever.Always(0.9, Passages);
        await using var services = Services(retriever);
        var answers = services.GetRequiredService<AnswerService>();
        await answers.AnswerAsync(Ask("how do I become a backend engineer?"), CancellationToken.None);

        var followUp = await answers.AnswerAsync(Ask("and what about salaries for that?"), CancellationToken.None);

        Assert.Equal(3, _server.Requests.Count);
        var rewrite = _server.Requests[1].AllContent;
        Assert.Contains("Q: how do I become a backend engineer?", rewrite, StringComparison.Ordinal);
        Assert.Contains("and what about salaries for that?", rewrite, StringComparison.Ordinal);
        // The first search after the rewrite is the rewritten question (a pay question whose passages give no figure is
        // then searched once more with figure words).
        Assert.Equal("How much do backend engineers earn?", retriever.Queries[1]);
        Assert.Contains("Question: How much do backend engineers earn?", _server.Requests[2].AllContent, StringComparison.Ordinal);
        Assert.True(followUp.UsedLlm);
    }

    [Fact]
    public async Task AnswerAsync_NoKeyConfigured_StillCallsALocalServer()
    {
        _server.RequiredApiKey = null;
        _server.Enqueue(FakeChatResponse.Text("Learn SQL [P1]."));
        await using var services = AiServices.Build(StubRetriever.Always(0.9, Passages), AiServices.Llm(_server.BaseUrl, apiKey: null));

        var answer = await services.GetRequiredService<AnswerService>().AnswerAsync(Ask("which database?"), CancellationToken.None);

        Assert.True(answer.UsedLlm);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task AnswerAsync_PersonalDataRequestWithAModel_IsRefusedBeforeAnyModelCall()
    {
        await using var services = Services(StubRetriever.Always(0.9, Passages));

        var answer = await services.GetRequiredService<AnswerService>().AnswerAsync(Ask("give me the emails of the moderators"), CancellationToken.None);

        Assert.Equal(AnswerVerdict.PrivacyRefused, answer.Verdict);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task AnswerAsync_NotCoveredWithAModel_DeclinesBeforeAnyModelCall()
    {
        await using var services = Services(StubRetriever.Always(0.1, Passages));

        var answer = await services.GetRequiredService<AnswerService>().AnswerAsync(Ask("how do I avoid burnout"), CancellationToken.None);

        Assert.Equal(AnswerVerdict.NotCovered, answer.Verdict);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task AnswerAsync_PartlyCoveredWithAModel_TellsTheModelWhatIsMissingAndOpensWithIt()
    {
        _server.Enqueue(FakeChatResponse.Text("In the US, entry-level pay starts around $70,000 to $80,000 [P1]."));
        var salaries = GuideText.Scored("how-to-become-backend-engineer", "Backend Engineering Salaries");
        await using var services = Services(StubRetriever.Always(0.9, salaries));

        var answer = await services.GetRequiredService<AnswerService>().AnswerAsync(Ask("how much do backend devs make in London"), CancellationToken.None);

        var user = Assert.Single(_server.Requests).Messages.Single(m => m.Role == "user").Content;
        Assert.Contains("The guides don't give figures for London", user, StringComparison.Ordinal);
        Assert.Equal(AnswerVerdict.PartlyAnswered, answer.Verdict);
        Assert.StartsWith("The guides don't give figures for London", answer.Text, StringComparison.Ordinal);
        Assert.True(answer.UsedLlm);
    }
}
