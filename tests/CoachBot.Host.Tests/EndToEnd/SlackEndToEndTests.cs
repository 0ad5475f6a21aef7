namespace CoachBot.Host.Tests.EndToEnd;

/// <summary>The real host with real features and no LLM (offline answers), talking to a fake Slack over Socket Mode.</summary>
public sealed partial class SlackEndToEndTests
{
    private const string Owner = "U222";
    private const string Someone = "U333";
    private const string Channel = "C111";
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task AppMention_IsAnsweredOfflineInItsThread_WithASourcesContextBlock_AndChannelPingsAreNeverEchoed()
    {
        await using var slack = await FakeSlackServer.StartAsync();
        await using var host = await StartHostAsync(slack);
        var ts = slack.NextTs();

        await slack.SendEnvelopeAsync("events_api", FakeSlackPayloads.EventCallback(
            FakeSlackPayloads.AppMention(Owner, "<@UBOT111> how do i get my first backend job?", Channel, ts)));
        var answer = await slack.WaitForCallAsync("chat.postMessage", c => c.Ok && c.Field("thread_ts") == ts, Guard);

        Assert.Equal(Channel, answer.Field("channel"));
        var context = answer.Blocks.Where(b => (string?)b!["type"] == "context").Select(b => b!.ToJsonString()).ToList();
        Assert.Contains(context, c => c.Contains("Sources: [1] ", StringComparison.Ordinal));
        Assert.DoesNotContain("outside what my guides cover", answer.Body.ToJsonString(), StringComparison.Ordinal);

        var pingTs = slack.NextTs();
        await slack.SendEnvelopeAsync("events_api", FakeSlackPayloads.EventCallback(
            FakeSlackPayloads.AppMention(Owner, "<@UBOT111> <!channel> <!here> how do I prepare for a backend interview?", Channel, pingTs)));
        await slack.WaitForCallAsync("chat.postMessage", c => c.Ok && c.Field("thread_ts") == pingTs, Guard);

        // Serialised without HTML escaping: the default writes '<' as \u003C, and the check could never fail.
        var bodies = slack.Calls.Select(c => c.Body.ToJsonString(Unescaped)).ToList();
        Assert.Contains("<!channel>", new System.Text.Json.Nodes.JsonObject { ["text"] = "<!channel>" }.ToJsonString(Unescaped), StringComparison.Ordinal);
        Assert.All(bodies, b => Assert.DoesNotContain("<!channel>", b, StringComparison.Ordinal));
        Assert.All(bodies, b => Assert.DoesNotContain("<!here>", b, StringComparison.Ordinal));
        Assert.All(slack.ResponsePosts, p => Assert.DoesNotContain("<!channel>", p.Body.ToJsonString(Unescaped), StringComparison.Ordinal));
    }

    private static readonly System.Text.Json.JsonSerializerOptions Unescaped = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    [Fact]
    public async Task QuizSlashCommand_IsAckedThenPostsButtons_OwnersClickIsMarked_SomeoneElsesClickIsRefusedPrivately()
    {
        await using var slack = await FakeSlackServer.StartAsync();
        await using var host = await StartHostAsync(slack);

        var envelopeId = await slack.SendEnvelopeAsync("slash_commands", FakeSlackPayloads.SlashCommand("/quiz", "databases 3", Owner, Channel, slack.CreateResponseUrl()));
        var ack = await slack.WaitForAckAsync(envelopeId, Guard);
        var question = await slack.WaitForCallAsync("chat.postMessage", c => c.Ok && FakeSlackBlocks.Buttons(c.Blocks).Any(), Guard);

        Assert.True(ack.Sequence < question.Sequence, "the command must be acknowledged before the question is posted");
        var buttons = FakeSlackBlocks.Buttons(question.Blocks).ToList();
        Assert.True(buttons.Count >= 2, "a quiz question offers at least two answers");
        Assert.All(buttons, b => Assert.StartsWith("quiz:", b.Value, StringComparison.Ordinal));
        var posted = slack.Messages.Single(m => m.Channel == Channel && m.EphemeralUser is null);

        await slack.SendEnvelopeAsync("interactive", FakeSlackPayloads.BlockAction(Someone, Channel, posted.Ts, buttons[0].Value, slack.CreateResponseUrl(), buttons[0].ActionId));
        var refusal = await slack.WaitForResponsePostAsync(p => p.ResponseType == "ephemeral", Guard);

        Assert.Contains("belongs to someone else", refusal.AllText, StringComparison.Ordinal);
        Assert.False(refusal.ReplaceOriginal);
        Assert.Empty(slack.CallsTo("chat.update"));

        await slack.SendEnvelopeAsync("interactive", FakeSlackPayloads.BlockAction(Owner, Channel, posted.Ts, buttons[0].Value, slack.CreateResponseUrl(), buttons[0].ActionId));
        var update = await slack.WaitForCallAsync("chat.update", c => c.Ok, Guard);

        Assert.Equal(posted.Ts, update.Field("ts"));
        var updated = slack.FindMessage(Channel, posted.Ts)!.AllText;
        Assert.True(
            updated.Contains("Right!", StringComparison.Ordinal) || updated.Contains("Not quite.", StringComparison.Ordinal),
            "the updated question says whether the answer was right: " + updated);
    }

    private static async Task<RealHost> StartHostAsync(FakeSlackServer slack, FakeOpenAiServer? llm = null)
    {
        string[] args =
        [
            "--Slack:BotToken=" + slack.Options.BotToken,
            "--Slack:AppToken=" + slack.Options.AppToken,
            "--Slack:SigningSecret=" + slack.Options.SigningSecret,
            "--Slack:Mode=SocketMode",
            "--Slack:ApiBaseUrl=" + slack.ApiBaseUrl,
            "--Slack:SocketConnections=1",
            "--Slack:SocketConnectionDelay=00:00:00",
            "--Slack:PerChannelMessageInterval=00:00:00",
        ];
        var host = await RealHost.StartAsync(llm is null
            ? args
            : [.. args, "--Llm:Endpoint=" + llm.BaseUrl, "--Llm:ChatModel=fake-model", "--Llm:TimeoutSeconds=30"]);
        try
        {
            await slack.WaitForConnectionAsync(timeout: Guard);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }
}
