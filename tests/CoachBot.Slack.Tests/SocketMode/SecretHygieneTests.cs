namespace CoachBot.Slack.Tests.SocketMode;

public sealed class SecretHygieneTests
{
    [Fact]
    public async Task TokensAndSigningSecret_NeverAppearInLogs_EvenWithErrorsAndRetries()
    {
        await using var harness = await SlackAdapterHarness.StartSocketModeAsync();
        var fake = harness.Fake;
        fake.FailNext("chat.postMessage", "invalid_blocks");

        await fake.SendEnvelopeAsync("events_api", FakeSlackPayloads.EventCallback(FakeSlackPayloads.AppMention("U222", "<@UBOT111> a", "C111", fake.NextTs())));
        await fake.WaitForCallAsync("chat.postMessage");
        fake.RateLimit("chat.postMessage", 1, 1);
        await fake.SendEnvelopeAsync("events_api", FakeSlackPayloads.EventCallback(FakeSlackPayloads.AppMention("U222", "<@UBOT111> b", "C111", fake.NextTs())));
        await fake.WaitForCallAsync("chat.postMessage", c => c.Ok);
        var responseUrl = fake.CreateResponseUrl();
        await fake.SendEnvelopeAsync("slash_commands", FakeSlackPayloads.SlashCommand("/coach-help", "", "U222", "C111", responseUrl));
        await fake.WaitForResponsePostAsync();
        fake.NewestOpenConnection()!.Drop();
        await fake.WaitForConnectionAsync(2);

        var logs = harness.Logs.AllText;
        Assert.Contains("invalid_blocks", logs, StringComparison.Ordinal);
        Assert.Contains("rate limited", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(fake.Options.BotToken, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(fake.Options.AppToken, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(fake.Options.SigningSecret, logs, StringComparison.Ordinal);
        Assert.DoesNotContain("ticket=", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(new Uri(responseUrl).AbsolutePath, logs, StringComparison.Ordinal);
    }
}
