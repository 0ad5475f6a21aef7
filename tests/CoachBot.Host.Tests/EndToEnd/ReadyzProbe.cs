namespace CoachBot.Host.Tests.EndToEnd;

/// <summary>Polls /readyz until its JSON body satisfies a condition; the Discord arguments of a host the probes start.</summary>
internal static class ReadyzProbe
{
    public static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    public static string[] DiscordArgs(FakeDiscordServer discord) =>
    [
        "--Discord:Token=" + discord.Options.Token,
        "--Discord:ApiBaseUrl=" + discord.ApiBaseUrl,
        "--Discord:IdentifyIntervalMs=0",
        "--Discord:ReconnectBaseDelayMs=20",
    ];

    public static async Task<JsonNode> PollAsync(HttpClient http, Func<JsonNode, bool> until)
    {
        using var deadline = new CancellationTokenSource(Guard);
        var last = "";
        while (!deadline.IsCancellationRequested)
        {
            using var response = await http.GetAsync(new Uri("/readyz", UriKind.Relative), deadline.Token);
            last = await response.Content.ReadAsStringAsync(deadline.Token);
            if (response.StatusCode == HttpStatusCode.OK && JsonNode.Parse(last) is { } body && until(body))
            {
                return body;
            }

            await Task.Delay(50, deadline.Token);
        }

        throw new TimeoutException("/readyz never reached the expected state; last: " + last);
    }
}
