using CoachBot.Ai.Answers;

namespace CoachBot.Host.Tests.EndToEnd;

/// <summary>
/// Streamed answers on Slack: the real host and its real features, a fake Slack over Socket Mode that speaks
/// chat.startStream / appendStream / stopStream, and a fake model that streams server-sent events.
/// </summary>
public sealed partial class SlackEndToEndTests
{
    private const string StreamQuestion = "<@UBOT111> What should I learn first to become a backend developer?";
    private const string StreamedAnswer =
        "Pick one backend language and build a small API with a database behind it [P1]. Then add tests, deploy it somewhere cheap and write down what you learned <!here> along the way.";

    [Fact]
    public async Task Mention_LlmAnswer_IsStreamedIntoItsThread_ThenStoppedWithTheSourcesAtTheBottom()
    {
        await using var slack = await FakeSlackServer.StartAsync();
        await using var llm = await FakeOpenAiServer.StartAsync();
        llm.StreamTokensPerSecond = 15;
        llm.Responder = _ => FakeChatResponse.Text(StreamedAnswer);
        await using var host = await StartHostAsync(slack, llm);
        var ts = slack.NextTs();

        await slack.SendEnvelopeAsync("events_api", FakeSlackPayloads.EventCallback(FakeSlackPayloads.AppMention(Owner, StreamQuestion, Channel, ts)));
        var stop = await slack.WaitForCallAsync("chat.stopStream", c => c.Ok, Guard);

        Assert.True(Assert.Single(llm.Requests).Streamed);
        var start = Assert.Single(slack.CallsTo("chat.startStream"));
        Assert.True(start.Ok);
        Assert.Equal(ts, start.Field("thread_ts"));
        Assert.Equal(Owner, start.Field("recipient_user_id")); // a channel stream names the member it is written for
        Assert.Equal("T111", start.Field("recipient_team_id"));
        Assert.StartsWith("Pick", start.Field("markdown_text"), StringComparison.Ordinal);
        // Paced appends, not one per token (30 tokens over 2 seconds).
        var appends = slack.CallsTo("chat.appendStream");
        Assert.True(appends.Count < FakeOpenAiServer.Tokens(StreamedAnswer).Count / 3, $"{appends.Count} appends");
        Assert.Empty(slack.CallsTo("chat.postMessage"));

        var message = slack.FindMessage(Channel, stop.Field("ts")!)!;
        Assert.Equal("completed", message.StreamingState);
        Assert.Equal(ts, message.ThreadTs);
        Assert.StartsWith("Pick one backend language and build a small API with a database behind it [1].", message.StreamedMarkdown, StringComparison.Ordinal);
        Assert.EndsWith("along the way.", message.StreamedMarkdown, StringComparison.Ordinal);
        Assert.Contains(message.Blocks, b => b!.ToJsonString().Contains("Sources: [1] ", StringComparison.Ordinal));
        Assert.All(slack.Calls, c => Assert.DoesNotContain("<!here>", c.Body.ToJsonString(Unescaped), StringComparison.Ordinal));
    }

    [Fact]
    public async Task DirectMessage_WhenSlackRefusesTheStream_PostsTheTextSoFarAndUpdatesItWithTheFinishedAnswer()
    {
        await using var slack = await FakeSlackServer.StartAsync();
        await using var llm = await FakeOpenAiServer.StartAsync();
        llm.StreamTokensPerSecond = 30;
        llm.Responder = _ => FakeChatResponse.Text(StreamedAnswer);
        slack.FailNext("chat.startStream", "not_allowed");
        await using var host = await StartHostAsync(slack, llm);
        var ts = slack.NextTs();

        await slack.SendEnvelopeAsync("events_api", FakeSlackPayloads.EventCallback(
            FakeSlackPayloads.Message(Owner, "What should I learn first to become a backend developer?", "D111", ts, "im")));
        var update = await slack.WaitForCallAsync("chat.update", c => c.Ok && c.Body.ToJsonString().Contains("Sources: [1] ", StringComparison.Ordinal), Guard);

        Assert.False(Assert.Single(slack.CallsTo("chat.startStream")).Ok);
        var posted = Assert.Single(slack.CallsTo("chat.postMessage"));
        Assert.Equal(ts, posted.Field("thread_ts"));
        Assert.Equal(update.Field("ts"), slack.Messages.Single(m => m.ThreadTs == ts && m.Channel == "D111").Ts);
        var message = slack.FindMessage("D111", update.Field("ts")!)!;
        Assert.Contains("along the way.", message.AllText, StringComparison.Ordinal);
        Assert.Empty(slack.CallsTo("chat.appendStream"));
    }

    [Fact]
    public async Task Mention_StreamBreaksOff_StopsTheStreamAndReplacesItWithTheOfflineAnswerAndTheNote()
    {
        await using var slack = await FakeSlackServer.StartAsync();
        await using var llm = await FakeOpenAiServer.StartAsync();
        llm.Responder = _ => FakeChatResponse.BreaksOffMidStream(StreamedAnswer, afterTokens: 6);
        await using var host = await StartHostAsync(slack, llm);
        var ts = slack.NextTs();

        await slack.SendEnvelopeAsync("events_api", FakeSlackPayloads.EventCallback(FakeSlackPayloads.AppMention(Owner, StreamQuestion, Channel, ts)));
        var update = await slack.WaitForCallAsync("chat.update", c => c.Ok, Guard);

        var start = Assert.Single(slack.CallsTo("chat.startStream"));
        Assert.StartsWith("Pick", start.Field("markdown_text"), StringComparison.Ordinal);
        var stop = Assert.Single(slack.CallsTo("chat.stopStream"));
        Assert.True(stop.Sequence < update.Sequence);
        Assert.Equal(stop.Field("ts"), update.Field("ts"));
        var message = slack.FindMessage(Channel, update.Field("ts")!)!;
        Assert.Null(message.StreamedMarkdown); // the partial text is gone…
        Assert.Contains(CoachReplies.LlmFallbackNote, message.AllText, StringComparison.Ordinal); // …replaced by the offline answer
        Assert.DoesNotContain("Pick one backend", message.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AskSlashCommand_IsDeliveredOnceComplete_WithoutStreamingOrEdits()
    {
        await using var slack = await FakeSlackServer.StartAsync();
        await using var llm = await FakeOpenAiServer.StartAsync();
        llm.Responder = _ => FakeChatResponse.Text(StreamedAnswer);
        await using var host = await StartHostAsync(slack, llm);

        await slack.SendEnvelopeAsync("slash_commands", FakeSlackPayloads.SlashCommand(
            "/ask", "What should I learn first to become a backend developer?", Owner, Channel, slack.CreateResponseUrl()));
        var answer = await slack.WaitForCallAsync("chat.postMessage", c => c.Ok, Guard);

        Assert.False(Assert.Single(llm.Requests).Streamed);
        Assert.Contains("along the way.", answer.Body.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("Sources: [1] ", answer.Body.ToJsonString(), StringComparison.Ordinal);
        Assert.Single(slack.CallsTo("chat.postMessage"));
        Assert.Empty(slack.CallsTo("chat.startStream"));
        Assert.Empty(slack.CallsTo("chat.update"));
    }
}
