namespace CoachBot.Host.Tests.EndToEnd;

/// <summary>/healthz, /readyz and /metrics on the real host's web server, with the Discord adapter against FakeDiscord.</summary>
public sealed class OperatorEndpointsTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Readyz_OnceTheGatewaySessionIsLive_ReportsDiscordAndDatabaseReady()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        await using var host = await StartDiscordHostAsync(discord, discord.Options.Token);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        await discord.WaitForSessionAsync(Guard);

        var ready = await PollAsync(http, "/readyz", r => r.StatusCode == HttpStatusCode.OK);
        var body = JsonNode.Parse(await ready.Content.ReadAsStringAsync())!;

        Assert.Equal("Healthy", body["status"]!.GetValue<string>());
        Assert.Equal("Healthy", body["checks"]!["discord"]!["status"]!.GetValue<string>());
        Assert.Equal("Healthy", body["checks"]!["database"]!["status"]!.GetValue<string>());
        Assert.Equal("ok", await http.GetStringAsync(new Uri("/healthz", UriKind.Relative)));
    }

    [Fact]
    public async Task Readyz_WhenDiscordRejectsTheToken_Is503WhileHealthzStaysUp()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        await using var host = await StartDiscordHostAsync(discord, "not-the-right-token");
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        var notReady = await PollAsync(http, "/readyz", r => r.StatusCode == HttpStatusCode.ServiceUnavailable && Text(r).Contains("stopped", StringComparison.Ordinal));
        var body = JsonNode.Parse(await notReady.Content.ReadAsStringAsync())!;

        Assert.Equal("Unhealthy", body["checks"]!["discord"]!["status"]!.GetValue<string>());
        Assert.Contains("stopped", body["checks"]!["discord"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-right-token", body.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("ok", await http.GetStringAsync(new Uri("/healthz", UriKind.Relative)));
    }

    [Fact]
    public async Task Metrics_AfterAnAsk_ExposesInteractionsAckLatencyAndRetrievalInPrometheusText()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        await using var host = await StartDiscordHostAsync(discord, discord.Options.Token);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        await discord.WaitForSessionAsync(Guard);

        await discord.SendInteractionAsync(FakeDiscordEvents.SlashCommand("ask", [FakeDiscordEvents.Option("question", "how do I get my first backend job?")]));
        await discord.WaitForRequestAsync(r => r.Method == "PATCH" && r.Path.EndsWith("/messages/@original", StringComparison.Ordinal), "the answer", Guard);

        var scrape = await PollAsync(http, "/metrics", r => Text(r).Contains("coachbot_retrieval", StringComparison.Ordinal));
        var text = Text(scrape);

        Assert.StartsWith("text/plain", scrape.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        // At least one: OpenTelemetry listens to every "CoachBot" meter in the process, and other tests' hosts run alongside.
        Assert.Matches(@"coachbot_interactions_total\{[^}]*kind=""command:ask""[^}]*platform=""Discord""[^}]*\} [1-9]", text);
        Assert.Matches(@"coachbot_ack_latency_milliseconds_count\{[^}]*platform=""discord""[^}]*\} [1-9]", text);
        Assert.Matches(@"coachbot_retrieval_total\{[^}]*outcome=""answered""[^}]*\} [1-9]", text);
        Assert.DoesNotContain(discord.Options.Token, text, StringComparison.Ordinal);
    }

    [Fact]
    public void TerminalOnly_ServesNoHttp_UnlessHttpEnabledIsSet()
    {
        using var terminalOnly = CoachHostFactory.Build(["--Terminal:Enabled=true"]);
        using var forced = CoachHostFactory.Build(["--Terminal:Enabled=true", "--Http:Enabled=true", "--Http:Urls=http://127.0.0.1:0"]);

        Assert.Null(terminalOnly.Services.GetService<IServer>());
        Assert.NotNull(forced.Services.GetService<IServer>());
    }

    private static string Text(HttpResponseMessage response) => response.Content.ReadAsStringAsync().GetAwaiter().GetResult();

    private static async Task<HttpResponseMessage> PollAsync(HttpClient http, string path, Func<HttpResponseMessage, bool> until)
    {
        using var deadline = new CancellationTokenSource(Guard);
        HttpResponseMessage? last = null;
        while (!deadline.IsCancellationRequested)
        {
            last?.Dispose();
            last = await http.GetAsync(new Uri(path, UriKind.Relative), deadline.Token);
            await last.Content.LoadIntoBufferAsync(deadline.Token);
            if (until(last))
            {
                return last;
            }

            await Task.Delay(50, deadline.Token);
        }

        throw new TimeoutException($"{path} never reached the expected state; last: {(int?)last?.StatusCode} {(last is null ? "" : Text(last))}");
    }

    private static Task<RealHost> StartDiscordHostAsync(FakeDiscordServer discord, string token) =>
        RealHost.StartAsync(
            "--Discord:Token=" + token,
            "--Discord:ApiBaseUrl=" + discord.ApiBaseUrl,
            "--Discord:IdentifyIntervalMs=0",
            "--Discord:ReconnectBaseDelayMs=20");
}
