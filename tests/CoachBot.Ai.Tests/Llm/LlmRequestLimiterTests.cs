using CoachBot.Core.Work;
using CoachBot.Testing.Clock;

namespace CoachBot.Ai.Tests.Llm;

/// <summary>
/// Waiting for the model holds no work slot, and the model's own limit (Llm:MaxConcurrentRequests) holds: end to end
/// through the answer service, Semantic Kernel's connector and real HTTP to the fake OpenAI server, whose answers the
/// test holds back until it has seen what it needs.
/// </summary>
public sealed class LlmRequestLimiterTests : IAsyncLifetime
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(20);

    private static readonly ScoredPassage[] Passages =
    [
        GuideText.Scored("backend-career-path", "Database Management"),
        GuideText.Scored("backend-career-path", "Master Programming Fundamentals", 7f),
    ];

    private readonly TaskCompletionSource _modelMayAnswer = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private FakeOpenAiServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeOpenAiServer.StartAsync();
        _server.Responder = _ => FakeChatResponse.Held(_modelMayAnswer.Task, FakeChatResponse.Text("Learn a relational database first [P1]."));
    }

    public async Task DisposeAsync()
    {
        _modelMayAnswer.TrySetResult();
        await _server.DisposeAsync();
    }

    private ServiceProvider Services(int maxConcurrentRequests)
    {
        var settings = AiServices.Llm(_server.BaseUrl, timeoutSeconds: 30);
        settings["Llm:MaxConcurrentRequests"] = maxConcurrentRequests.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return AiServices.Build(StubRetriever.Always(0.9, Passages), settings);
    }

    private static AnswerRequest Ask(int person) =>
        new(new ConversationKey(ChatPlatform.Discord, "guild", "channel"), "discord:" + person, "which database should I learn first?");

    [Fact]
    public async Task AnswerAsync_MoreQuestionsThanWorkSlots_AllAwaitTheModelAtOnceAndOtherWorkStillGetsASlot()
    {
        await using var services = Services(maxConcurrentRequests: 8);
        var answers = services.GetRequiredService<AnswerService>();
        var gate = new WorkGate(2);

        var asking = Enumerable.Range(1, 5).Select(person => gate.RunAsync(() => answers.AnswerAsync(Ask(person), CancellationToken.None), CancellationToken.None)).ToArray();

        // Five questions at the model with two work slots: none of them holds a slot while it waits.
        await _server.WaitForRequestsAsync(5, Guard);
        Assert.Equal(2, gate.Available);
        var rendered = await gate.RunAsync(() => Task.FromResult("work that needs no model"), CancellationToken.None).WaitAsync(Guard);
        Assert.Equal("work that needs no model", rendered);
        Assert.All(asking, task => Assert.False(task.IsCompleted));

        _modelMayAnswer.SetResult();
        var done = await Task.WhenAll(asking).WaitAsync(Guard);
        Assert.All(done, answer => Assert.True(answer.UsedLlm));
        Assert.Equal(2, gate.Available);
    }

    [Fact]
    public async Task AnswerAsync_MoreQuestionsThanTheModelLimit_NeverMoreThanTheLimitAtTheModel()
    {
        await using var services = Services(maxConcurrentRequests: 3);
        var answers = services.GetRequiredService<AnswerService>();
        var limiter = services.GetRequiredService<LlmRequestLimiter>();

        var asking = Enumerable.Range(1, 9).Select(person => answers.AnswerAsync(Ask(person), CancellationToken.None)).ToArray();

        await _server.WaitForRequestsAsync(3, Guard);
        await Condition.WaitUntilAsync(() => limiter.Waiting == 6, Guard);
        Assert.Equal(3, _server.InFlight);
        Assert.Equal(3, _server.Requests.Count);

        _modelMayAnswer.SetResult();
        var done = await Task.WhenAll(asking).WaitAsync(Guard);
        Assert.All(done, answer => Assert.True(answer.UsedLlm));
        Assert.Equal(9, _server.Requests.Count);
        Assert.Equal(3, _server.MaxInFlight);
        Assert.Equal(0, limiter.InFlight);
    }
}
