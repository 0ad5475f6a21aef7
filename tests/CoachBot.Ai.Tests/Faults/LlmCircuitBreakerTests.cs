namespace CoachBot.Ai.Tests.Faults;

/// <summary>
/// The circuit breaker in front of the model, through Semantic Kernel's OpenAI connector and real HTTP to the fake
/// server, on a fake clock: repeated failures open it, an open circuit answers offline without a request leaving, and
/// after the break one trial call decides whether it closes again.
/// </summary>
public sealed class LlmCircuitBreakerTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);
    private readonly FakeTimeProvider _time = LlmFaultServices.NewClock();
    private readonly CapturingLoggerProvider _logs = new();
    private FakeOpenAiServer _server = null!;
    private ServiceProvider _services = null!;
    private int _person;

    public async Task InitializeAsync()
    {
        _server = await FakeOpenAiServer.StartAsync();
        _services = LlmFaultServices.Build(_server.BaseUrl, _time, _logs, resilience: [("MinimumThroughput", "2"), ("BreakSeconds", "30"), ("RetryDelayMilliseconds", "0")]);
    }

    public void Dispose() => _logs.Dispose();

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _server.DisposeAsync();
    }

    private AnswerService Answers => _services.GetRequiredService<AnswerService>();

    [Fact]
    public async Task AnswerAsync_ModelKeepsFailing_CircuitOpensAndLaterQuestionsGetTheOfflineAnswerWithoutARequest()
    {
        await OpenTheCircuitAsync();

        for (var i = 0; i < 3; i++)
        {
            // The clock does not move: an open circuit must not wait for a retry pause or a timeout.
            var answer = await Answers.AnswerAsync(LlmFaultServices.Ask(++_person), CancellationToken.None).WaitAsync(Generous);

            Assert.False(answer.UsedLlm);
            Assert.False(answer.Declined);
            Assert.Equal(CoachReplies.LlmFallbackNote, answer.Note);
            Assert.NotEmpty(answer.Citations);
        }

        Assert.Equal(2, _server.Requests.Count);
        Assert.Contains("LLM circuit opened", _logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerAsync_AfterTheBreakWithTheModelHealthy_OneTrialCallClosesTheCircuit()
    {
        await OpenTheCircuitAsync();
        _server.Responder = _ => FakeChatResponse.Text("Start with PostgreSQL [P1].");

        var stillOpen = await Answers.AnswerAsync(LlmFaultServices.Ask(++_person), CancellationToken.None).WaitAsync(Generous);
        Assert.False(stillOpen.UsedLlm);
        Assert.Equal(2, _server.Requests.Count);

        _time.Advance(TimeSpan.FromSeconds(30));
        var trial = await Answers.AnswerAsync(LlmFaultServices.Ask(++_person), CancellationToken.None).WaitAsync(Generous);
        var next = await Answers.AnswerAsync(LlmFaultServices.Ask(++_person), CancellationToken.None).WaitAsync(Generous);

        Assert.True(trial.UsedLlm);
        Assert.Null(trial.Note);
        Assert.Equal("Start with PostgreSQL [1].", trial.Text);
        Assert.True(next.UsedLlm);
        Assert.Equal(4, _server.Requests.Count);
        Assert.Contains("LLM circuit half-open", _logs.AllText, StringComparison.Ordinal);
        Assert.Contains("LLM circuit closed", _logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerAsync_TrialCallAfterTheBreakFails_CircuitOpensAgainForAnotherBreak()
    {
        await OpenTheCircuitAsync();
        _time.Advance(TimeSpan.FromSeconds(30));

        // The trial call fails; its retry meets the re-opened circuit, so no second request leaves.
        var answer = await Answers.AnswerAsync(LlmFaultServices.Ask(++_person), CancellationToken.None).WaitAsync(Generous);
        var later = await Answers.AnswerAsync(LlmFaultServices.Ask(++_person), CancellationToken.None).WaitAsync(Generous);

        Assert.False(answer.UsedLlm);
        Assert.Equal(CoachReplies.LlmFallbackNote, answer.Note);
        Assert.False(later.UsedLlm);
        Assert.Equal(3, _server.Requests.Count);
    }

    /// <summary>
    /// One question against a model answering 500: the attempt and its retry (no pause configured, so the clock need
    /// not move) both fail, which meets the minimum throughput of two with every call failed, so the circuit opens.
    /// </summary>
    private async Task OpenTheCircuitAsync()
    {
        _server.Responder = _ => FakeChatResponse.Status(HttpStatusCode.InternalServerError);
        var answer = await Answers.AnswerAsync(LlmFaultServices.Ask(++_person), CancellationToken.None).WaitAsync(Generous);
        Assert.False(answer.UsedLlm);
        Assert.Equal(CoachReplies.LlmFallbackNote, answer.Note);
        Assert.Equal(2, _server.Requests.Count);
    }
}
