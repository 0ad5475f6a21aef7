namespace CoachBot.Discord.Tests.Gateway;

/// <summary>
/// Gateway messages are capped (16 MB in production; 64 KB here, so the test sends little): a message whose fragments
/// add up to more closes the connection (1009, as logged: the fake, still sending, may see the close as an abort) and the
/// client resumes; the session and the next message survive.
/// </summary>
public sealed class GatewayFrameCapTests
{
    private const int Cap = 64 * 1024;

    private static Task<DiscordTestHost> StartAsync() => DiscordTestHost.StartAsync(
        configureServices: services => services.PostConfigure<DiscordOptions>(o => o.MaxGatewayFrameBytes = Cap));

    [Fact]
    public async Task AMessageOverTheCap_ClosesTheConnection_AndTheClientResumesTheSession()
    {
        await using var test = await StartAsync();
        var session = test.Server.CurrentSessionId;

        // One WebSocket message, received by the client in many fragments of its 16 KB buffer.
        try
        {
            await test.Server.SendRawFrameAsync("""{"op":0,"s":null,"t":"PADDING","d":""" + "\"" + new string('x', 4 * Cap) + "\"}");
        }
        catch (Exception ex) when (ex is ObjectDisposedException or System.Net.WebSockets.WebSocketException or OperationCanceledException)
        {
            // The client closed the connection while the fake was still sending the rest of the message: the point.
        }

        await test.Server.SendMessageCreateAsync(FakeDiscordEvents.DirectMessage("after"));
        await test.Server.WaitForRequestAsync(r => r.Content?.Contains("You said: after", StringComparison.Ordinal) == true, "the answer after the reconnect");

        Assert.True(test.Server.ConnectionCount >= 2, "the client reconnected");
        // At least one resume (a loaded machine can cost a connection more), and never a new session.
        Assert.True(test.Server.ResumeCount >= 1, "the client resumed");
        Assert.Equal(1, test.Server.IdentifyCount);
        Assert.Equal(session, test.Server.CurrentSessionId);
        Assert.Contains(test.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("passed 65536 bytes; closing the connection (1009)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AMessageJustUnderTheCap_IsReadOnTheSameConnection()
    {
        await using var test = await StartAsync();

        await test.Server.SendRawFrameAsync("""{"op":0,"s":null,"t":"PADDING","d":""" + "\"" + new string('x', Cap - 100) + "\"}");
        await test.Server.SendMessageCreateAsync(FakeDiscordEvents.DirectMessage("after"));
        await test.Server.WaitForRequestAsync(r => r.Content?.Contains("You said: after", StringComparison.Ordinal) == true, "the answer");

        Assert.Equal(1, test.Server.ConnectionCount);
        Assert.DoesNotContain(1009, test.Server.ClientCloseCodes);
    }
}
