using Microsoft.Extensions.Hosting;

namespace CoachBot.Ai.Tests.Llm;

public sealed class ApiKeyLoggingTests
{
    [Fact]
    public async Task StartupAndModelCalls_WithAKeySet_NeverLogTheKey()
    {
        const string apiKey = "sk-secret-do-not-log-7d3b";
        await using var server = await FakeOpenAiServer.StartAsync();
        server.RequiredApiKey = apiKey;
        server.Enqueue(FakeChatResponse.Text("Learn SQL [P1]."), FakeChatResponse.Status(HttpStatusCode.InternalServerError, "error echoing Bearer " + apiKey));
        server.Responder = _ => FakeChatResponse.Status(HttpStatusCode.InternalServerError, "still failing for " + apiKey);
        var logs = new CapturingLoggerProvider();
        var retriever = StubRetriever.Always(0.9, GuideText.Scored("backend-career-path", "Database Management"));
        await using var services = AiServices.Build(retriever, AiServices.Llm(server.BaseUrl, apiKey), logs);
        foreach (var hosted in services.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        var answers = services.GetRequiredService<AnswerService>();
        var request = new AnswerRequest(ConversationKey.Terminal, "terminal:me", "which database should I learn?");
        await answers.AnswerAsync(request, CancellationToken.None);
        await answers.AnswerAsync(request with { Question = "what about postgres?" }, CancellationToken.None);

        Assert.Contains("key: set", logs.AllText, StringComparison.Ordinal);
        Assert.Contains("LLM prompt", logs.AllText, StringComparison.Ordinal);
        Assert.Empty(logs.Lines.Where(l => l.Contains(apiKey, StringComparison.Ordinal)).Select(l => l[..Math.Min(l.Length, 300)]));
        Assert.DoesNotContain("sk-secret", logs.AllText, StringComparison.Ordinal);
    }
}
