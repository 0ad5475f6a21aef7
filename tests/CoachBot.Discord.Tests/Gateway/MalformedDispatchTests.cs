namespace CoachBot.Discord.Tests.Gateway;

/// <summary>Frames and dispatches Discord would never send are skipped with a warning; the connection and the session stay.</summary>
public sealed class MalformedDispatchTests
{
    [Theory]
    [InlineData("{")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("""{"op":"zero"}""")]
    [InlineData("""{"op":1e99}""")]
    [InlineData("""{"op":0,"s":1e20,"t":"MESSAGE_CREATE","d":{}}""")]
    [InlineData("""{"op":0,"t":"\ud800","d":{}}""")]
    public async Task AFrameThatIsNotAGatewayPayload_IsSkipped_OnTheSameConnection(string frame)
    {
        await using var test = await DiscordTestHost.StartAsync();

        await test.Server.SendRawFrameAsync(frame);
        await test.Server.SendMessageCreateAsync(FakeDiscordEvents.DirectMessage("after"));
        await test.Server.WaitForRequestAsync(r => r.Content?.Contains("You said: after", StringComparison.Ordinal) == true, "the answer after the frame");

        Assert.Equal(1, test.Server.ConnectionCount);
        Assert.Equal(0, test.Server.ResumeCount);
        Assert.Contains(test.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("skipped a frame", StringComparison.Ordinal));
        Assert.DoesNotContain(test.Logs.Entries, e => e.Level >= LogLevel.Error);
    }

    [Theory]
    [InlineData("INTERACTION_CREATE", """{"id":null,"token":"t","type":2,"data":{"name":"ask","options":[]}}""")]
    [InlineData("INTERACTION_CREATE", """{"id":"1","token":"","type":2,"data":{"name":"ask","options":[]}}""")]
    [InlineData("INTERACTION_CREATE", """{"id":"1","token":"t","type":2,"data":{"name":"ask","options":null}}""")]
    [InlineData("INTERACTION_CREATE", """{"id":"1","token":"t","type":2,"data":{"name":"ask","options":[null]}}""")]
    [InlineData("INTERACTION_CREATE", """{"id":"1","token":"t","type":2,"guild_id":"2","member":{"user":{"id":"3"},"roles":null},"data":{"name":"ask","options":[]}}""")]
    [InlineData("INTERACTION_CREATE", """{"id":"1","token":"t","type":2,"data":{"name":"ask","options":[{"name":"question","type":3,"value":"\ud800"}]}}""")]
    [InlineData("INTERACTION_CREATE", "null")]
    [InlineData("MESSAGE_CREATE", """{"id":"1","channel_id":null,"content":"hi","author":{"id":"3"}}""")]
    [InlineData("MESSAGE_CREATE", """{"id":"1","channel_id":"2","content":"hi","author":{"id":"3"},"mentions":null}""")]
    [InlineData("MESSAGE_CREATE", """{"id":"1","channel_id":"2","content":"hi","author":{"id":"3"},"mentions":[null]}""")]
    [InlineData("MESSAGE_CREATE", """{"id":"1","channel_id":"2","content":"hi","author":{"id":null}}""")]
    [InlineData("MESSAGE_CREATE", """{"id":"1","channel_id":"2","content":"\udfff","author":{"id":"3"}}""")]
    [InlineData("MESSAGE_CREATE", "5")]
    [InlineData("GUILD_CREATE", """{"id":"1","threads":[null]}""")]
    [InlineData("THREAD_CREATE", """{"id":null,"type":11}""")]
    public async Task AMalformedDispatch_IsDroppedWithAWarning_NotAHandlerError_AndTheNextMessageIsAnswered(string eventName, string data)
    {
        await using var test = await DiscordTestHost.StartAsync();

        await test.Server.DispatchRawAsync(eventName, data);
        await test.Server.SendMessageCreateAsync(FakeDiscordEvents.DirectMessage("after"));
        await test.Server.WaitForRequestAsync(r => r.Content?.Contains("You said: after", StringComparison.Ordinal) == true, "the answer after the dispatch");

        Assert.Equal(1, test.Server.ConnectionCount);
        Assert.Contains(test.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("ignored a malformed " + eventName, StringComparison.Ordinal));
        Assert.DoesNotContain(test.Logs.Entries, e => e.Level >= LogLevel.Error);
        Assert.DoesNotContain(test.Server.Requests, r => r.Path.Contains("/callback", StringComparison.Ordinal));
    }
}
