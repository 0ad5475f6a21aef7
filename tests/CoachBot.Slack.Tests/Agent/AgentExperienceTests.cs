using CoachBot.Core.Dispatch;
using CoachBot.Core.Replies;
using CoachBot.Slack.Agent;
using CoachBot.Slack.Tests.Support;
using CoachBot.Testing.FakeSlack;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Slack.Tests.Agent;

/// <summary>
/// Slack's agent experience against the fake: the Messages tab greeting (once per member), assistant threads, the
/// working status around an answer, failures and a missing scope.
/// </summary>
public sealed class AgentExperienceTests
{
    private const string Dm = "D0AGENT1";
    private const string Member = "U222";

    // One consumer, so the events of a test are handled in the order they were sent.
    private static readonly Dictionary<string, string?> Serial = new() { ["Slack:MaxConcurrentRequests"] = "1" };

    [Fact]
    public async Task MessagesTabOpened_GreetsOnceWithSuggestedPrompts_NotOnTheNextOpen()
    {
        await using var harness = await SlackAdapterHarness.StartSocketModeAsync(Serial);
        var fake = harness.Fake;

        await fake.SendEnvelopeAsync("events_api", FakeSlackPayloads.EventCallback(FakeSlackAgentPayloads.AppHomeOpened(Member, Dm, tab: "home")));
        await fake.SendEnvelopeAsync("events_api", FakeSlackPayloads.EventCallback(FakeSlackAgentPayloads.AppHomeOpened(Member, Dm)));
        await fake.SendEnvelopeAsync("events_api", FakeSlackPayloads.EventCallback(FakeSlackAgentPayloads.AppHomeOpened(Member, Dm)));
        await AnsweredAsync(fake, "sentinel");

        var greeting = Assert.Single(fake.Messages, m => m.AllText.Contains("The commands work here too", StringComparison.Ordinal));
        Assert.Equal(Dm, greeting.Channel);
        Assert.Null(greeting.ThreadTs);
        Assert.Contains("/quiz", greeting.AllText, StringComparison.Ordinal);
        var promptsCall = Assert.Single(fake.CallsTo("assistant.threads.setSuggestedPrompts"));
        Assert.Null(promptsCall.Field("thread_ts"));
        var prompts = fake.SuggestedPromptsIn(Dm);
        Assert.NotNull(prompts);
        Assert.Equal(SlackAgentPrompts.Prompts.Select(p => (p.Title, p.Message)), prompts.Prompts);
        Assert.Contains(prompts.Prompts, p => p.Message == "/help");
    }

    [Fact]
    public async Task MessagesTabOpened_OverHttp_GreetsWithSuggestedPrompts()
    {
        await using var harness = await SlackAdapterHarness.StartHttpModeAsync();
        var fake = harness.Fake;

        using var response = await harness.Driver!.SendEventAsync(FakeSlackPayloads.EventCallback(FakeSlackAgentPayloads.AppHomeOpened(Member, Dm)));
        await fake.WaitForCallAsync("assistant.threads.setSuggestedPrompts", c => c.Ok);

        Assert.Single(fake.CallsTo("chat.postMessage"), c => c.Ok && c.Field("channel") == Dm);
        Assert.NotNull(fake.SuggestedPromptsIn(Dm));
    }

    [Fact]
    public async Task AssistantThreadStarted_GreetsInThatThread_AndALaterThreadGetsPromptsButNoSecondGreeting()
    {
        await using var harness = await SlackAdapterHarness.StartSocketModeAsync(Serial, fakeOptions: new FakeSlackOptions { AgentView = false });
        var fake = harness.Fake;
        var first = fake.NextTs();
        var second = fake.NextTs();

        await fake.SendEnvelopeAsync("events_api", FakeSlackPayloads.EventCallback(FakeSlackAgentPayloads.AssistantThreadStarted(Member, Dm, first)));
        await fake.SendEnvelopeAsync("events_api", FakeSlackPayloads.EventCallback(FakeSlackAgentPayloads.AssistantThreadContextChanged(Member, Dm, first, "C999")));
        await fake.SendEnvelopeAsync("events_api", FakeSlackPayloads.EventCallback(FakeSlackAgentPayloads.AssistantThreadStarted(Member, Dm, second)));
        await fake.WaitUntilAsync(s => s.SuggestedPromptsIn(Dm, second) is not null, TimeSpan.FromSeconds(15), "prompts in the second thread");

        var greeting = Assert.Single(fake.CallsTo("chat.postMessage"));
        Assert.Equal(first, greeting.Field("thread_ts"));
        Assert.NotNull(fake.SuggestedPromptsIn(Dm, first));
        Assert.Equal(SlackAgentPrompts.PromptsTitle, fake.SuggestedPromptsIn(Dm, second)!.Title);
    }

    [Fact]
    public async Task AssistantThreadMessage_ShowsTheStatusWhileWorking_AnswersInTheThread_ThenClearsIt()
    {
        await using var harness = await SlackAdapterHarness.StartSocketModeAsync();
        var fake = harness.Fake;
        var root = fake.NextTs();
        harness.Coach.CloseGate();

        await fake.SendEnvelopeAsync("events_api", FakeSlackPayloads.EventCallback(
            FakeSlackPayloads.Message(Member, "how do I learn SQL?", Dm, fake.NextTs(), "im", threadTs: root)));
        var set = await fake.WaitForCallAsync("assistant.threads.setStatus", c => c.Ok && c.Field("status") != string.Empty);
        await harness.Coach.Started.WaitAsync(TimeSpan.FromSeconds(15));

        Assert.Equal(SlackAgentPrompts.WorkingStatus, fake.StatusOf(Dm, root));
        Assert.Equal(root, set.Field("thread_ts"));
        Assert.Empty(fake.CallsTo("chat.postMessage"));

        harness.Coach.OpenGate();
        var answer = await fake.WaitForCallAsync("chat.postMessage", c => c.Ok);
        var clear = await fake.WaitForCallAsync("assistant.threads.setStatus", c => c.Ok && c.Field("status") == string.Empty);

        Assert.Equal(root, answer.Field("thread_ts"));
        Assert.Contains("how do I learn SQL?", answer.Field("text"), StringComparison.Ordinal);
        Assert.True(clear.Sequence > answer.Sequence, "the status is cleared after the answer is out");
        Assert.Null(fake.StatusOf(Dm, root));
        Assert.IsType<MessageRequest>(Assert.Single(harness.Coach.Requests));
    }

    [Fact]
    public async Task FailedAnswer_ClearsTheStatus_AndApologisesInTheThread()
    {
        await using var harness = await SlackAdapterHarness.StartHttpModeAsync(configureServices: s => s.AddSingleton<IMessageHandler, ExplodingHandler>());
        var fake = harness.Fake;
        var root = fake.NextTs();

        using var response = await harness.Driver!.SendEventAsync(FakeSlackPayloads.EventCallback(
            FakeSlackPayloads.Message(Member, "explode, please", Dm, root, "im")));
        // The dispatcher's apology is private, as for any request: in the DM thread, only the member sees it anyway.
        var apology = await fake.WaitForCallAsync("chat.postEphemeral", c => c.Ok);
        await fake.WaitForCallAsync("assistant.threads.setStatus", c => c.Ok && c.Field("status") == string.Empty);

        Assert.Contains(Apology.Text, apology.Field("text"), StringComparison.Ordinal);
        Assert.Equal(root, apology.Field("thread_ts"));
        Assert.Equal(Member, apology.Field("user"));
        Assert.Null(fake.StatusOf(Dm, root));
    }

    [Fact]
    public async Task MissingScopeOnSetStatus_DoesNotStopTheAnswer()
    {
        // An install from before the app asked for assistant:write, under the rule before Slack's 2026-03 change.
        var options = new FakeSlackOptions();
        options.BotScopes.Remove("assistant:write");
        options.SetStatusScopes.Remove("chat:write");
        await using var harness = await SlackAdapterHarness.StartSocketModeAsync(fakeOptions: options);
        var fake = harness.Fake;

        await fake.SendEnvelopeAsync("events_api", FakeSlackPayloads.EventCallback(FakeSlackPayloads.Message(Member, "first", Dm, fake.NextTs(), "im")));
        var answer = await fake.WaitForCallAsync("chat.postMessage", c => c.Ok);
        // The refusal's own line, written once the status has been turned off (the API client's "answered error:
        // missing_scope" comes a moment before it, so waiting for that raced the second message).
        await LoggedAsync(harness, "no working status until restart");
        await fake.SendEnvelopeAsync("events_api", FakeSlackPayloads.EventCallback(FakeSlackPayloads.Message(Member, "second", Dm, fake.NextTs(), "im")));
        await fake.WaitUntilAsync(s => s.CallsTo("chat.postMessage").Count(c => c.Ok) == 2, TimeSpan.FromSeconds(15), "the second answer");

        var refused = Assert.Single(fake.CallsTo("assistant.threads.setStatus"));
        Assert.Equal("missing_scope", refused.Error);
        Assert.Contains("first", answer.Field("text"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DirectMessageNamingACommand_RunsThatCommand_LikeItsSlashCommand()
    {
        await using var harness = await SlackAdapterHarness.StartSocketModeAsync();
        var fake = harness.Fake;
        var ts = fake.NextTs();

        await fake.SendEnvelopeAsync("events_api", FakeSlackPayloads.EventCallback(FakeSlackPayloads.Message(Member, "/quiz databases 3", Dm, ts, "im")));
        var post = await fake.WaitForCallAsync("chat.postMessage", c => c.Ok);

        var request = Assert.Single(harness.Coach.Seen<CommandRequest>());
        Assert.Equal("quiz", request.Command);
        Assert.Equal("databases", request.Option("skill"));
        Assert.Equal(ts, post.Field("thread_ts"));
    }

    private static async Task AnsweredAsync(FakeSlackServer fake, string text)
    {
        await fake.SendEnvelopeAsync("events_api", FakeSlackPayloads.EventCallback(FakeSlackPayloads.Message(Member, text, Dm, fake.NextTs(), "im")));
        await fake.WaitForCallAsync("chat.postMessage", c => c.Ok && c.Field("text")!.Contains(text, StringComparison.Ordinal), TimeSpan.FromSeconds(15));
    }

    private static async Task LoggedAsync(SlackAdapterHarness harness, string text)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (!harness.Logs.Entries.Any(e => e.Message.Contains(text, StringComparison.Ordinal)))
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    /// <summary>A feature that fails on "explode" (before the stand-in answers), as a broken LLM call would.</summary>
    private sealed class ExplodingHandler : IMessageHandler
    {
        public int Order => -1;

        public Task<IReadOnlyList<Reply>?> TryHandleAsync(MessageRequest request, CancellationToken cancellationToken) =>
            request.Text.Contains("explode", StringComparison.Ordinal)
                ? throw new InvalidOperationException("the model endpoint fell over")
                : Task.FromResult<IReadOnlyList<Reply>?>(null);
    }
}
