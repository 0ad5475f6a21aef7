namespace CoachBot.Slack.Tests.SocketMode;

/// <summary>Mentions, DMs and thread follow-ups end to end: fake Slack → Socket Mode → dispatcher → Web API.</summary>
public sealed class SlackConversationTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task AppMention_IsAnsweredInItsThread_WithSourcesAndMentionStripped()
    {
        await using var harness = await SlackAdapterHarness.StartSocketModeAsync();
        var fake = harness.Fake;
        var ts = fake.NextTs();

        await fake.SendEnvelopeAsync("events_api", FakeSlackPayloads.EventCallback(
            FakeSlackPayloads.AppMention("U222", "<@UBOT111> what is an index?", "C111", ts)));
        var post = await fake.WaitForCallAsync("chat.postMessage", c => c.Ok);

        var request = Assert.Single(harness.Coach.Seen<MessageRequest>());
        Assert.Equal("what is an index?", request.Text);
        Assert.Equal(MessageOrigin.Mention, request.Origin);
        Assert.Equal(new ConversationKey(ChatPlatform.Slack, "T111", "C111", ts), request.Context.Conversation);
        Assert.Equal(ts, post.Field("thread_ts"));
        Assert.Contains(post.Blocks, b => (string?)b!["type"] == "context"
            && ((string?)b["elements"]![0]!["text"])!.Contains("Sources: [1] Career paths › Getting started", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FollowUpInTheBotsThread_WithoutMention_IsAThreadReply_AndOtherChannelChatterIsIgnored()
    {
        await using var harness = await SlackAdapterHarness.StartSocketModeAsync(new() { ["Slack:MaxConcurrentRequests"] = "1" });
        var fake = harness.Fake;
        var root = fake.NextTs();
        await fake.SendEnvelopeAsync("events_api", FakeSlackPayloads.EventCallback(FakeSlackPayloads.AppMention("U222", "<@UBOT111> first", "C111", root)));
        await fake.WaitForCallAsync("chat.postMessage", c => c.Ok);

        // Chatter in the channel and in someone else's thread: not for the bot.
        await fake.SendEnvelopeAsync("events_api", FakeSlackPayloads.EventCallback(FakeSlackPayloads.Message("U222", "lunch?", "C111", fake.NextTs(), "channel")));
        await fake.SendEnvelopeAsync("events_api", FakeSlackPayloads.EventCallback(FakeSlackPayloads.Message("U222", "other thread", "C111", fake.NextTs(), "channel", threadTs: "1600000000.000001")));
        // The follow-up in the bot's thread.
        await fake.SendEnvelopeAsync("events_api", FakeSlackPayloads.EventCallback(FakeSlackPayloads.Message("U222", "and composite ones?", "C111", fake.NextTs(), "channel", threadTs: root)));
        await fake.WaitUntilAsync(f => f.CallsTo("chat.postMessage").Count(c => c.Ok) >= 2, Guard, "the follow-up answer");

        var requests = harness.Coach.Seen<MessageRequest>();
        Assert.Equal(["first", "and composite ones?"], requests.Select(r => r.Text));
        Assert.Equal(MessageOrigin.ThreadReply, requests[1].Origin);
        Assert.Equal(requests[0].Context.Conversation, requests[1].Context.Conversation);
        Assert.All(fake.CallsTo("chat.postMessage"), c => Assert.Equal(root, c.Field("thread_ts")));
    }

    [Fact]
    public async Task DirectMessage_IsDirect_AndAnsweredInItsThread()
    {
        await using var harness = await SlackAdapterHarness.StartSocketModeAsync();
        var fake = harness.Fake;
        var ts = fake.NextTs();

        await fake.SendEnvelopeAsync("events_api", FakeSlackPayloads.EventCallback(FakeSlackPayloads.Message("U222", "hello coach &amp; friends", "D111", ts, "im")));
        var post = await fake.WaitForCallAsync("chat.postMessage", c => c.Ok);

        var request = Assert.Single(harness.Coach.Seen<MessageRequest>());
        Assert.Equal(MessageOrigin.Direct, request.Origin);
        Assert.True(request.Context.IsDirect);
        Assert.Equal("hello coach & friends", request.Text);
        Assert.Equal("D111", post.Field("channel"));
        Assert.Equal(ts, post.Field("thread_ts"));
    }

    [Fact]
    public async Task BotMessages_OwnMessages_AndEdits_AreIgnored()
    {
        await using var harness = await SlackAdapterHarness.StartSocketModeAsync(new() { ["Slack:MaxConcurrentRequests"] = "1" });
        var fake = harness.Fake;
        await fake.WaitForCallAsync("auth.test");
        await WaitForIdentityAsync(harness);

        await fake.SendEnvelopeAsync("events_api", FakeSlackPayloads.EventCallback(FakeSlackPayloads.Message("U999", "from a bot", "D111", fake.NextTs(), "im", botId: "B999")));
        await fake.SendEnvelopeAsync("events_api", FakeSlackPayloads.EventCallback(FakeSlackPayloads.Message("U999", "bot message", "D111", fake.NextTs(), "im", subtype: "bot_message")));
        await fake.SendEnvelopeAsync("events_api", FakeSlackPayloads.EventCallback(FakeSlackPayloads.Message("UBOT111", "my own words", "D111", fake.NextTs(), "im")));
        await fake.SendEnvelopeAsync("events_api", FakeSlackPayloads.EventCallback(FakeSlackPayloads.Message("U222", "edited", "D111", fake.NextTs(), "im", subtype: "message_changed")));
        await fake.SendEnvelopeAsync("events_api", FakeSlackPayloads.EventCallback(FakeSlackPayloads.Message("U222", "sentinel", "D111", fake.NextTs(), "im")));
        await fake.WaitForCallAsync("chat.postMessage", c => c.Ok);

        Assert.Equal(["sentinel"], harness.Coach.Seen<MessageRequest>().Select(r => r.Text));
    }

    [Fact]
    public async Task MentionDeliveredAsAppMentionAndAsMessage_IsAnsweredOnce()
    {
        await using var harness = await SlackAdapterHarness.StartSocketModeAsync(new() { ["Slack:MaxConcurrentRequests"] = "1" });
        var fake = harness.Fake;
        var root = fake.NextTs();
        await fake.SendEnvelopeAsync("events_api", FakeSlackPayloads.EventCallback(FakeSlackPayloads.AppMention("U222", "<@UBOT111> start", "C111", root)));
        await fake.WaitForCallAsync("chat.postMessage", c => c.Ok);
        var ts = fake.NextTs();

        await fake.SendEnvelopeAsync("events_api", FakeSlackPayloads.EventCallback(FakeSlackPayloads.AppMention("U222", "<@UBOT111> twice", "C111", ts, root)));
        await fake.SendEnvelopeAsync("events_api", FakeSlackPayloads.EventCallback(FakeSlackPayloads.Message("U222", "<@UBOT111> twice", "C111", ts, "channel", root)));
        await fake.SendEnvelopeAsync("events_api", FakeSlackPayloads.EventCallback(FakeSlackPayloads.Message("U222", "sentinel", "C111", fake.NextTs(), "channel", root)));
        await fake.WaitForCallAsync("chat.postMessage", c => c.Blocks.ToJsonString().Contains("sentinel", StringComparison.Ordinal));

        Assert.Single(harness.Coach.Seen<MessageRequest>(), r => r.Text == "twice");
    }

    [Fact]
    public async Task BroadcastSyntaxInAQuestion_IsNeverEchoedAsAPing()
    {
        await using var harness = await SlackAdapterHarness.StartSocketModeAsync();
        var fake = harness.Fake;

        await fake.SendEnvelopeAsync("events_api", FakeSlackPayloads.EventCallback(FakeSlackPayloads.AppMention(
            "U222", "<@UBOT111> hey <!channel> <!here> <!subteam^S123|@devs> &lt;script&gt;alert(1)&lt;/script&gt;", "C111", fake.NextTs())));
        var post = await fake.WaitForCallAsync("chat.postMessage", c => c.Ok);
        var json = post.Body.ToJsonString();

        Assert.DoesNotContain("<!channel>", json, StringComparison.Ordinal);
        Assert.DoesNotContain("<!here>", json, StringComparison.Ordinal);
        Assert.DoesNotContain("<!subteam", json, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", json, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", string.Join('\n', FakeSlackBlocks.Texts(post.Blocks)), StringComparison.Ordinal);
        Assert.Equal(false, (bool?)post.Body["link_names"]);
    }

    private static async Task WaitForIdentityAsync(SlackAdapterHarness harness)
    {
        var identity = (CoachBot.Slack.Identity.SlackBotIdentity)harness.Services.GetService(typeof(CoachBot.Slack.Identity.SlackBotIdentity))!;
        using var cts = new CancellationTokenSource(Guard);
        while (identity.UserId is null)
        {
            await Task.Delay(10, cts.Token);
        }
    }
}
