namespace CoachBot.Slack.Tests.Api;

/// <summary>The Slack HttpClient never follows a redirect: the bot token goes to the configured API and nowhere else.</summary>
public sealed class WebApiRedirectTests
{
    [Fact]
    public async Task RedirectFromChatPostMessage_IsNotFollowed()
    {
        await using var harness = await SlackAdapterHarness.StartSocketModeAsync();
        var fake = harness.Fake;
        fake.RedirectNext("chat.postMessage", times: 10);

        await fake.SendEnvelopeAsync("slash_commands", FakeSlackPayloads.SlashCommand("/quiz", "databases 3", "U222", "C111", fake.CreateResponseUrl()));
        await fake.WaitForCallAsync("chat.postMessage", c => c.StatusCode == 302, TimeSpan.FromSeconds(15));
        await WaitUntilAsync(() => harness.Logs.Entries.Any(e => e.Message.Contains("Could not deliver a reply", StringComparison.Ordinal)));

        Assert.Empty(fake.OtherRequests);
        Assert.Contains(harness.Logs.Entries, e => e.Message.Contains("HTTP 302", StringComparison.Ordinal));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (!condition())
        {
            await Task.Delay(20, guard.Token);
        }
    }
}
