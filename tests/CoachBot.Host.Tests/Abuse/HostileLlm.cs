namespace CoachBot.Host.Tests.Abuse;

/// <summary>
/// A model that does whatever the prompt injection asked: every answer opens with mass and role mentions, Slack
/// broadcasts and a masked link, then echoes the end of the person's message back (their hostile text included);
/// interview feedback is well-formed JSON with the same payload in every field. What the bot sends must still ping no one.
/// </summary>
public static class HostileLlm
{
    public const string Payload =
        "@everyone @here <!channel> <!here> <!everyone> <!subteam^S0ABUSE|@devs> <@&222222222222222222> <@U0ABUSE> [free nitro](https://evil.example/login)";

    /// <summary>The fake model answering with <see cref="Respond"/>, behind the abuse runs' required API key.</summary>
    public static async Task<FakeOpenAiServer> StartAsync()
    {
        var llm = await FakeOpenAiServer.StartAsync();
        llm.RequiredApiKey = AbuseSecrets.LlmApiKey;
        llm.Responder = Respond;
        return llm;
    }

    /// <summary>Host arguments pointing at <paramref name="llm"/>, with rate limits raised so the corpus is answered rather than throttled.</summary>
    public static string[] HostArguments(FakeOpenAiServer llm)
    {
        ArgumentNullException.ThrowIfNull(llm);
        return
        [
            "--Llm:Endpoint=" + llm.BaseUrl,
            "--Llm:ChatModel=fake-model",
            "--Llm:ApiKey=" + AbuseSecrets.LlmApiKey,
            "--Llm:TimeoutSeconds=30",
            "--RateLimits:PerUserPerMinute=100000",
            "--RateLimits:PerCommunityPerMinute=1000000",
        ];
    }

    public static FakeChatResponse Respond(RecordedChatRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var messages = request.Messages;
        var user = messages.LastOrDefault(m => m.Role == "user").Content ?? string.Empty;
        var echo = user.Length > 400 ? user[^400..] : user;
        if (messages.Any(m => m.Content.Contains("Reply with exactly one JSON object", StringComparison.Ordinal)))
        {
            var feedback = new JsonObject
            {
                ["score"] = 3,
                ["strengths"] = new JsonArray(Payload, echo),
                ["missing_points"] = new JsonArray("@here " + echo),
                ["improved_outline"] = Payload + "\n" + echo,
                ["follow_up"] = "<!channel> " + echo,
            };
            return FakeChatResponse.Text(feedback.ToJsonString());
        }

        return FakeChatResponse.Text(Payload + "\n" + echo + " [P1]");
    }
}
