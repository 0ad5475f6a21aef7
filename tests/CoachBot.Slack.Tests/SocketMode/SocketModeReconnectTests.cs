namespace CoachBot.Slack.Tests.SocketMode;

public sealed class SocketModeReconnectTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task RefreshRequested_OpensNewConnectionBeforeClosingOld_AndLosesNoEnvelope()
    {
        await using var harness = await SlackAdapterHarness.StartSocketModeAsync();
        var fake = harness.Fake;
        var old = await fake.WaitForConnectionAsync(1);

        await fake.SendDisconnectAsync("refresh_requested", old);
        // Slack may still deliver on the old socket until it is closed.
        var late = await fake.SendEnvelopeAsync("events_api", FakeSlackPayloads.EventCallback(
            FakeSlackPayloads.AppMention("U222", "<@UBOT111> sent on the old socket", "C111", fake.NextTs())), connection: old);
        var replacement = await fake.WaitForConnectionAsync(2);
        await fake.WaitUntilAsync(_ => old.ClosedSequence is not null, Guard, "the old connection to close");
        var onNew = await fake.SendEnvelopeAsync("events_api", FakeSlackPayloads.EventCallback(
            FakeSlackPayloads.AppMention("U222", "<@UBOT111> sent on the new socket", "C111", fake.NextTs())));

        Assert.True(replacement.OpenedSequence < old.ClosedSequence, "the replacement said hello before the old socket closed");
        Assert.True(old.ClosedByClient, "the adapter closed the old socket itself");
        Assert.Equal(old.Id, (await fake.WaitForAckAsync(late)).ConnectionId);
        Assert.Equal(replacement.Id, (await fake.WaitForAckAsync(onNew)).ConnectionId);
        await fake.WaitUntilAsync(f => f.CallsTo("chat.postMessage").Count(c => c.Ok) >= 2, Guard, "both answers");
        Assert.Contains(harness.Coach.Seen<MessageRequest>(), r => r.Text == "sent on the old socket");
        Assert.Contains(harness.Coach.Seen<MessageRequest>(), r => r.Text == "sent on the new socket");
        Assert.Equal(2, fake.CallsTo("apps.connections.open").Count);
    }

    [Fact]
    public async Task AbruptDrop_ReconnectsWithANewTicket_AndKeepsAnswering()
    {
        await using var harness = await SlackAdapterHarness.StartSocketModeAsync();
        var fake = harness.Fake;
        var first = await fake.WaitForConnectionAsync(1);

        first.Drop();
        var second = await fake.WaitForConnectionAsync(2);
        var id = await fake.SendEnvelopeAsync("events_api", FakeSlackPayloads.EventCallback(
            FakeSlackPayloads.Message("U222", "still there?", "D111", fake.NextTs(), "im")));

        Assert.NotEqual(first.Ticket, second.Ticket);
        Assert.Equal(second.Id, (await fake.WaitForAckAsync(id)).ConnectionId);
        await fake.WaitForCallAsync("chat.postMessage", c => c.Ok && c.Field("channel") == "D111");
    }

    [Fact]
    public async Task LinkDisabled_ClosesAndDoesNotReconnect()
    {
        await using var harness = await SlackAdapterHarness.StartSocketModeAsync();
        var fake = harness.Fake;
        var only = await fake.WaitForConnectionAsync(1);

        await fake.SendDisconnectAsync("link_disabled", only);
        await fake.WaitUntilAsync(_ => only.ClosedSequence is not null, Guard, "the socket to close");
        await WaitForLogAsync(harness, "link_disabled");

        Assert.Single(fake.Connections);
        Assert.Single(fake.CallsTo("apps.connections.open"));
    }

    [Fact]
    public async Task ReusedTicket_IsRejectedByTheFake_LikeSlack()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, fake.ApiBaseUrl + "apps.connections.open");
        request.Headers.Authorization = new("Bearer", fake.Options.AppToken);
        var body = System.Text.Json.Nodes.JsonNode.Parse(await (await http.SendAsync(request)).Content.ReadAsStringAsync())!;
        var url = new Uri((string)body["url"]!);

        using var first = new System.Net.WebSockets.ClientWebSocket();
        await first.ConnectAsync(url, CancellationToken.None);
        using var second = new System.Net.WebSockets.ClientWebSocket();
        var reuse = await Record.ExceptionAsync(() => second.ConnectAsync(url, CancellationToken.None));

        Assert.NotNull(reuse);
        Assert.Equal("ws", url.Scheme);
    }

    [Fact]
    public async Task RejectedAppToken_StopsTheSocketModeClient_WithoutRetryingOrLeakingTheToken()
    {
        await using var harness = await SlackAdapterHarness.StartSocketModeAsync(
            new() { ["Slack:AppToken"] = "xapp-not-the-right-one" }, waitForConnection: false);

        await harness.Fake.WaitForCallAsync("apps.connections.open");
        await WaitForLogAsync(harness, "Slack:AppToken");

        Assert.Equal("invalid_auth", harness.Fake.CallsTo("apps.connections.open").Single().Error);
        Assert.Empty(harness.Fake.Connections);
        Assert.DoesNotContain("xapp-not-the-right-one", harness.Logs.AllText, StringComparison.Ordinal);
    }

    private static async Task WaitForLogAsync(SlackAdapterHarness harness, string text)
    {
        using var cts = new CancellationTokenSource(Guard);
        while (!harness.Logs.AllText.Contains(text, StringComparison.Ordinal))
        {
            // Polling a log is the only signal here; the guard bounds it.
            await Task.Delay(20, cts.Token);
        }
    }
}
