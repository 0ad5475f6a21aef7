namespace CoachBot.Host.Tests.Abuse;

/// <summary>The abuse run's own checks must be able to fail: each catches what it is there to catch.</summary>
public sealed class OutboundChecksTests
{
    [Fact]
    public void CheckDiscord_AMessageWithoutPingNobody_OrWithALiveEveryone_IsAFinding()
    {
        var findings = new AbuseFindings();
        var unguarded = Request("POST", "/api/v10/channels/1/messages", new JsonObject { ["content"] = "hi" });
        var live = Request("PATCH", "/api/v10/webhooks/1/tok/messages/@original", new JsonObject
        {
            ["content"] = "@everyone look",
            ["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray() },
        });
        var callback = Request("POST", "/api/v10/interactions/1/tok/callback", new JsonObject
        {
            ["type"] = 4,
            ["data"] = new JsonObject { ["content"] = "ok", ["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray("everyone") } },
        });

        OutboundChecks.CheckDiscord(unguarded, findings, "a");
        OutboundChecks.CheckDiscord(live, findings, "b");
        OutboundChecks.CheckDiscord(callback, findings, "c");

        Assert.Equal(3, findings.Count);
    }

    [Fact]
    public void CheckDiscord_AGuardedMessage_IsFine()
    {
        var findings = new AbuseFindings();
        var guarded = Request("POST", "/api/v10/channels/1/messages", new JsonObject
        {
            ["content"] = "@\u200Beveryone is inert",
            ["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray(), ["replied_user"] = false },
        });

        OutboundChecks.CheckDiscord(guarded, findings, "a");

        Assert.Equal(0, findings.Count);
    }

    [Theory]
    [InlineData("<!channel>")]
    [InlineData("<!here|here>")]
    [InlineData("<!subteam^S1|@devs>")]
    [InlineData("token " + AbuseSecrets.SlackBotToken)]
    public void CheckSlack_ABroadcastOrASecretAnywhereInTheBody_IsAFinding(string text)
    {
        var findings = new AbuseFindings();
        var body = new JsonObject { ["blocks"] = new JsonArray(new JsonObject { ["text"] = new JsonObject { ["text"] = text } }) };

        OutboundChecks.CheckSlack("chat.postMessage", body, findings, "a");

        Assert.Equal(1, findings.Count);
    }

    [Fact]
    public void CheckSlack_EscapedBroadcasts_AreFine()
    {
        var findings = new AbuseFindings();

        OutboundChecks.CheckSlack("chat.postMessage", new JsonObject { ["text"] = "&lt;!channel&gt; and @here" }, findings, "a");

        Assert.Equal(0, findings.Count);
    }

    private static RecordedRequest Request(string method, string path, JsonObject body) =>
        new(method, path, body, new Dictionary<string, string>(), DateTimeOffset.UnixEpoch, 200);
}
