using CoachBot.Coaching.Roadmap;
using CoachBot.Testing.FakeOpenAi;

namespace CoachBot.Coaching.Tests.Roadmap;

/// <summary>The roadmap worded by the model through Semantic Kernel against the fake OpenAI-compatible server.</summary>
public sealed class RoadmapLlmTests : IAsyncLifetime
{
    private FakeOpenAiServer _llm = null!;
    private RoadmapHost _host = null!;

    public async Task InitializeAsync()
    {
        _llm = await FakeOpenAiServer.StartAsync();
        _llm.RequiredApiKey = FakeOpenAiFixture.ApiKey;
        // The LLM client's resilience pipeline waits on the registered clock: real time here.
        _host = await RoadmapHost.StartAsync(seams => seams.WithOpenAiEndpoint(_llm.BaseUrl, FakeOpenAiFixture.ApiKey), systemClock: true);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _llm.DisposeAsync();
    }

    [Fact]
    public async Task WithAModel_TheReplyIsItsWordingOfTheComputedFacts_WithComputedCitations()
    {
        await _host.AnsweredAsync("security", 1, 5);
        var offline = await OfflineSkillsAsync();
        var worded = "Aim for mid-level: here is your plan.\n" + string.Join('\n', offline.Select((s, i) => $"{i + 1}. Work on {s}: `/quiz {s} 5`."));
        _llm.Enqueue(FakeChatResponse.Text(worded));

        var reply = await _host.RoadmapAsync("mid");

        Assert.StartsWith("Aim for mid-level", reply.Text, StringComparison.Ordinal);
        Assert.Contains("AI model", reply.Footer, StringComparison.Ordinal);
        Assert.Equal(offline, RoadmapHost.StepSkills(reply));
        Assert.NotEmpty(reply.Sources);
        var request = Assert.Single(_llm.Requests);
        var sent = string.Join('\n', request.Messages.Select(m => m.Content));
        Assert.Contains("Understand best practices for data security, access control, and encryption.", sent, StringComparison.Ordinal);
        Assert.Contains("/quiz security 5", sent, StringComparison.Ordinal);
        Assert.Contains("20% right over 5 answers", sent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AModelThatDropsAStep_IsNotTrusted_AndTheComputedPlanIsShown()
    {
        await _host.AnsweredAsync("security", 1, 5);
        _llm.Enqueue(FakeChatResponse.Text("Just read a good book about Kubernetes. `/quiz security 5`"));

        var reply = await _host.RoadmapAsync("mid");

        Assert.DoesNotContain("Kubernetes", reply.Text, StringComparison.Ordinal);
        Assert.StartsWith("Your next steps towards", reply.Text, StringComparison.Ordinal);
        Assert.Contains("no usable answer", reply.Footer, StringComparison.Ordinal);
        Assert.InRange(RoadmapHost.StepSkills(reply).Count, RoadmapPlanner.MinSteps, RoadmapPlanner.MaxSteps);
    }

    private static async Task<IReadOnlyList<string>> OfflineSkillsAsync()
    {
        await using var offline = await RoadmapHost.StartAsync();
        await offline.AnsweredAsync("security", 1, 5);
        return RoadmapHost.StepSkills(await offline.RoadmapAsync("mid"));
    }
}
