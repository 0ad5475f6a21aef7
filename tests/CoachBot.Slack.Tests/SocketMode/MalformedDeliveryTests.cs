namespace CoachBot.Slack.Tests.SocketMode;

/// <summary>Envelopes and payloads with the wrong shape are skipped; the connection, the worker and the host carry on.</summary>
public sealed class MalformedDeliveryTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(15);

    [Theory]
    [InlineData("""{"envelope_id":"e1","type":"events_api","retry_attempt":1.5,"payload":{}}""")]
    [InlineData("""{"envelope_id":"e2","type":"events_api","retry_attempt":1e30,"payload":{}}""")]
    [InlineData("""{"envelope_id":"e3","type":"\ud800","payload":{}}""")]
    [InlineData("""{"envelope_id":"e4","type":"slash_commands","payload":{"command":"/ask","trigger_id":"\udfff"}}""")]
    public async Task AnEnvelopeWithAMalformedField_IsSkipped_AndTheSameConnectionAnswersTheNextCommand(string frame)
    {
        await using var harness = await SlackAdapterHarness.StartSocketModeAsync();
        var fake = harness.Fake;
        var connection = await fake.WaitForConnectionAsync();

        await fake.SendRawFrameAsync(frame, connection);
        await fake.SendEnvelopeAsync("slash_commands", FakeSlackPayloads.SlashCommand("/ask", "what is an index?", "U222", "C111", fake.CreateResponseUrl()));
        await fake.WaitForCallAsync("chat.postMessage", c => c.Ok && c.Field("channel") == "C111", Guard);

        Assert.True(connection.IsOpen, "the connection that carried the malformed frame must still be open");
        Assert.Single(fake.Connections);
        var lifetime = (IHostApplicationLifetime)harness.Services.GetService(typeof(IHostApplicationLifetime))!;
        Assert.False(lifetime.ApplicationStopping.IsCancellationRequested, "the host must not be stopping");
        Assert.DoesNotContain(harness.Logs.Entries, e => e.Level >= LogLevel.Error);
    }

    [Theory]
    [InlineData("""{"type":"block_actions","user":{"id":"U222"},"channel":{"id":"C111"},"actions":null}""")]
    [InlineData("""{"type":"block_actions","user":{"id":"U222"},"channel":{"id":"C111"},"actions":[null]}""")]
    [InlineData("""{"type":"view_submission","user":{"id":"U222"},"view":{"callback_id":"submit:1","private_metadata":"{\"c\":\"C111\",\"t\":null}","state":{"values":{"b":null}}}}""")]
    [InlineData("""{"type":"block_actions","user":{"id":"U222","name":"\ud800"},"channel":{"id":"C111"},"actions":[{"type":"button","value":"quiz:x"}]}""")]
    public async Task AnInteractionWithNullsOrUnreadableText_IsIgnoredWithoutAnErrorLog(string payload)
    {
        await using var harness = await SlackAdapterHarness.StartSocketModeAsync();
        var fake = harness.Fake;

        await fake.SendRawFrameAsync($$"""{"envelope_id":"bad","type":"interactive","accepts_response_payload":true,"payload":{{payload}}}""");
        await fake.WaitForAckAsync("bad", Guard);
        await fake.SendEnvelopeAsync("slash_commands", FakeSlackPayloads.SlashCommand("/ask", "what is an index?", "U222", "C222", fake.CreateResponseUrl()));
        await fake.WaitForCallAsync("chat.postMessage", c => c.Ok && c.Field("channel") == "C222", Guard);

        Assert.DoesNotContain(harness.Logs.Entries, e => e.Level >= LogLevel.Error);
    }
}
