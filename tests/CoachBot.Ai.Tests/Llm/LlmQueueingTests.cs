using System.Collections.Concurrent;
using CoachBot.Ai.Prompts;
using CoachBot.Core.Work;
using CoachBot.Testing.Clock;

namespace CoachBot.Ai.Tests.Llm;

/// <summary>How calls queue for Llm:MaxConcurrentRequests: fair between communities, bounded in time, configured and validated.</summary>
public sealed class LlmQueueingTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task RunAsync_OneCommunityFloods_AnotherCommunitysCallIsServedNext()
    {
        var limiter = new LlmRequestLimiter(Options.Create(new LlmOptions { MaxConcurrentRequests = 1 }), TimeProvider.System);
        var model = new ConcurrentQueue<(string Community, TaskCompletionSource<int> Answer)>();
        Task<int> Call(string community, string user) => AsOwnerAsync(new WorkOwner(community, user), () => limiter.RunAsync(() =>
        {
            var answer = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
            model.Enqueue((community, answer));
            return answer.Task;
        }, CancellationToken.None));

        var flood = Enumerable.Range(0, 30).Select(i => Call("discord:busy", "discord:" + (i % 3))).ToList();
        var quiet = Call("slack:T1", "slack:U1");
        Assert.Equal(30, limiter.Waiting);

        // The busy community had its turn first; the next place is the quiet community's, ahead of 28 calls that came before it.
        var served = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            await Condition.WaitUntilAsync(() => !model.IsEmpty, Guard);
            Assert.True(model.TryDequeue(out var call));
            served.Add(call.Community);
            call.Answer.SetResult(i);
        }

        Assert.Equal(["discord:busy", "discord:busy", "slack:T1"], served);
        foreach (var call in flood.Append(quiet))
        {
            while (!call.IsCompleted)
            {
                if (model.TryDequeue(out var next))
                {
                    next.Answer.SetResult(0);
                }

                await Task.Yield();
            }
        }

        Assert.Equal(0, limiter.InFlight);
    }

    [Fact]
    public async Task RunAsync_NoPlaceWithinTheTimeout_FailsAsBusyAndFreesNothingItDidNotTake()
    {
        var time = new FakeTimeProvider();
        var limiter = new LlmRequestLimiter(Options.Create(new LlmOptions { MaxConcurrentRequests = 1, TimeoutSeconds = 5 }), time);
        var held = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = limiter.RunAsync(() => held.Task, CancellationToken.None);
        var second = limiter.RunAsync(() => Task.FromResult(2), CancellationToken.None);
        Assert.Equal(1, limiter.Waiting);

        time.Advance(TimeSpan.FromSeconds(5));

        await Assert.ThrowsAsync<LlmBusyException>(() => second.WaitAsync(Guard));
        Assert.Equal(1, limiter.InFlight);
        held.SetResult(1);
        Assert.Equal(1, await first.WaitAsync(Guard));
        Assert.Equal(0, limiter.InFlight);
    }

    [Fact]
    public async Task AnswerAsync_NoPlaceTowardsTheModelInTime_AnswersOfflineWithTheUsualNote()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        var release = new TaskCompletionSource();
        server.Responder = _ => FakeChatResponse.Held(release.Task, FakeChatResponse.Text("Learn a relational database first [P1]."));
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var settings = AiServices.Llm(server.BaseUrl, timeoutSeconds: 10);
        settings["Llm:MaxConcurrentRequests"] = "1";
        settings["Llm:Resilience:MaxRetries"] = "0";
        await using var services = AiServices.Build(StubRetriever.Always(0.9, GuideText.Scored("backend-career-path", "Database Management")), settings, time: time);
        var answers = services.GetRequiredService<AnswerService>();
        var limiter = services.GetRequiredService<LlmRequestLimiter>();
        var conversation = new ConversationKey(ChatPlatform.Slack, "T1", "C1");

        var first = answers.AnswerAsync(new AnswerRequest(conversation, "slack:U1", "which database should I learn first?"), CancellationToken.None);
        await server.WaitForRequestsAsync(1, Guard);
        var second = answers.AnswerAsync(new AnswerRequest(conversation, "slack:U2", "which database should I learn first?"), CancellationToken.None);
        await Condition.WaitUntilAsync(() => limiter.Waiting == 1, Guard);
        time.Advance(TimeSpan.FromSeconds(10));

        var offline = await second.WaitAsync(Guard);
        Assert.False(offline.UsedLlm);
        Assert.Equal(CoachReplies.LlmFallbackNote, offline.Note);
        // The clock that ended the wait ended the first call's own timeout too; what matters is that the second never reached the model.
        release.SetResult();
        await first.WaitAsync(Guard);
        Assert.Single(server.Requests);
    }

    [Fact]
    public void Options_NothingConfigured_AllowThirtyTwoCallsAtOnce()
    {
        using var services = AiServices.Build(StubRetriever.Always(0.9));

        Assert.Equal(32, services.GetRequiredService<IOptions<LlmOptions>>().Value.MaxConcurrentRequests);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-4")]
    [InlineData("5000")]
    public void Options_OutOfRange_FailValidationNamingTheKey(string value)
    {
        using var services = AiServices.Build(StubRetriever.Always(0.9), new Dictionary<string, string?> { ["Llm:MaxConcurrentRequests"] = value });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<LlmOptions>>().Value);

        Assert.Contains("MaxConcurrentRequests", error.Message, StringComparison.Ordinal);
    }

    private static async Task<T> AsOwnerAsync<T>(WorkOwner owner, Func<Task<T>> work)
    {
        WorkOwner.Current = owner;
        return await work();
    }
}
