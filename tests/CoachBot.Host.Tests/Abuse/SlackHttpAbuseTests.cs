using Microsoft.AspNetCore.Hosting.Server.Features;

namespace CoachBot.Host.Tests.Abuse;

/// <summary>
/// The real host in Slack HTTP mode, sent the corpus's malformed HTTP requests (broken bodies, wrong content types,
/// bad or missing signatures, oversized bodies) and every malformed Socket Mode payload again as a signed HTTP request.
/// Each is refused with a 4xx or accepted and ignored, never a 5xx; nothing is logged as an error; no secret leaks;
/// a normal signed /ask is still answered afterwards.
/// </summary>
public sealed class SlackHttpAbuseTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);
    private readonly CapturingLoggerProvider _logs = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(60) };
    private FakeSlackServer _slack = null!;
    private RealHost _host = null!;
    private SlackHttpDriver _driver = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlackServer.StartAsync(new FakeSlackOptions
        {
            BotToken = AbuseSecrets.SlackBotToken,
            SigningSecret = AbuseSecrets.SlackSigningSecret,
        });
        _host = await RealHost.StartAsync(
            services => AbuseLogging.Capture(services, _logs),
            "--Slack:BotToken=" + AbuseSecrets.SlackBotToken,
            "--Slack:SigningSecret=" + AbuseSecrets.SlackSigningSecret,
            "--Slack:Mode=Http",
            "--Slack:ApiBaseUrl=" + _slack.ApiBaseUrl,
            "--Slack:PerChannelMessageInterval=00:00:00",
            "--Http:Urls=http://127.0.0.1:0",
            "--RateLimits:PerUserPerMinute=100000",
            "--RateLimits:PerCommunityPerMinute=1000000");
        var address = _host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _driver = new SlackHttpDriver(_http, new Uri(address.TrimEnd('/') + "/slack/events"), AbuseSecrets.SlackSigningSecret);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _slack.DisposeAsync();
    }

    public void Dispose()
    {
        _http.Dispose();
        _logs.Dispose();
    }

    [Fact]
    public async Task MalformedHttpRequests_AreRefusedWithA4xxOrAcceptedAndIgnored_NeverA5xx_AndTheBotStillAnswers()
    {
        var findings = new AbuseFindings();
        var requests = HostileCorpus.All.Where(e => e.Kind == HostileInput.SlackHttpKind).ToList();
        var payloads = HostileCorpus.All.Where(e => e.Kind == HostileInput.SlackEnvelopeKind).ToList();

        foreach (var input in requests)
        {
            var signing = input.Field("signing") switch
            {
                "none" => SigningMode.NoSignature,
                "tampered" => SigningMode.Tampered,
                "wrong-secret" => SigningMode.WrongSecret,
                _ => SigningMode.Valid,
            };
            TimeSpan? age = input.Field("signing") == "stale" ? TimeSpan.FromMinutes(10) : null;
            using var response = await _driver.SendRawAsync(Encoding.UTF8.GetBytes(input.Text), input.Field("contentType"), signing, age);
            var status = (int)response.StatusCode;
            var expected = (input.Node("expectStatus") as JsonArray)?.Select(s => s!.GetValue<int>()).ToList();
            if (status >= 500 || (expected is not null && !expected.Contains(status)))
            {
                findings.Add(input, "HTTP mode", $"answered {status}, expected {(expected is null ? "anything below 500" : string.Join(" or ", expected))}");
            }
        }

        foreach (var input in payloads)
        {
            using var response = await SendAsHttpAsync(input);
            if ((int)response.StatusCode >= 500)
            {
                findings.Add(input, "HTTP mode", $"answered {(int)response.StatusCode}");
            }
        }

        await Quiet.WaitAsync(TimeSpan.FromSeconds(10), () => _slack.Calls.Count, () => _slack.ResponsePosts.Count, () => _logs.Entries.Count);
        var channel = "CHTTPPROBE";
        using (var probe = await _driver.SendCommandAsync(FakeSlackPayloads.SlashCommand(
            "/ask", "What should I learn first to become a backend developer?", "U222", channel, _slack.CreateResponseUrl())))
        {
            Assert.Equal(HttpStatusCode.OK, probe.StatusCode);
        }

        await _slack.WaitForCallAsync("chat.postMessage", c => c.Ok && c.Field("channel") == channel, Guard);
        foreach (var call in _slack.Calls)
        {
            OutboundChecks.CheckSlack(call, findings, call.Method);
        }

        foreach (var post in _slack.ResponsePosts)
        {
            OutboundChecks.CheckSlack(post, findings, "response_url");
        }

        AbuseLogging.Check(_logs, 0, findings, "log");
        findings.AssertNone($"{requests.Count} malformed HTTP request(s) and {payloads.Count} malformed payload(s) in HTTP mode");
    }

    /// <summary>A Socket Mode envelope's payload as Slack would POST it in HTTP mode (events as JSON, the rest as a form).</summary>
    private Task<HttpResponseMessage> SendAsHttpAsync(HostileInput input)
    {
        var payload = input.Field("base") is { } name ? Base(name) : input.Node("payload")?.DeepClone();
        if (payload is not null && input.Has("base"))
        {
            RawJson.Mutate(payload, input);
        }

        var json = payload?.ToJsonString() ?? "null";
        return input.Field("envelopeType") switch
        {
            "interactive" => _driver.SendRawAsync(Form([new("payload", json)]), "application/x-www-form-urlencoded"),
            "slash_commands" when payload is JsonObject command => _driver.SendRawAsync(Form(command
                .Where(f => f.Value is not null)
                .Select(f => new KeyValuePair<string, string>(f.Key, f.Value is JsonValue v && v.TryGetValue<string>(out var s) ? s : f.Value!.ToJsonString()))), "application/x-www-form-urlencoded"),
            "slash_commands" => _driver.SendRawAsync(Form([new("text", json)]), "application/x-www-form-urlencoded"),
            _ => _driver.SendRawAsync(Encoding.UTF8.GetBytes(json), "application/json"),
        };
    }

    private JsonObject Base(string name)
    {
        var channel = "C" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        return name switch
        {
            "slash" => FakeSlackPayloads.SlashCommand("/ask", "what is sql?", "U222", channel, _slack.CreateResponseUrl()),
            "block_actions" => FakeSlackPayloads.BlockAction("U222", channel, _slack.SeedMessage(channel).Ts, "quiz:zzzz:0:0", _slack.CreateResponseUrl()),
            "view_submission" => FakeSlackPayloads.ViewSubmission(
                "U222", "challenge:submit:1", $"{{\"c\":\"{channel}\",\"t\":null}}", new Dictionary<string, string> { ["text"] = "my answer" }),
            "mention" => FakeSlackPayloads.EventCallback(FakeSlackPayloads.AppMention("U222", "<@UBOT111> how do I learn sql?", channel, _slack.NextTs())),
            "dm" => FakeSlackPayloads.EventCallback(FakeSlackPayloads.Message("U222", "what is sql?", "D" + channel[1..], _slack.NextTs(), "im")),
            _ => throw new InvalidDataException($"unknown Slack base payload '{name}'."),
        };
    }

    private static byte[] Form(IEnumerable<KeyValuePair<string, string>> fields) =>
        Encoding.UTF8.GetBytes(string.Join('&', fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value))));
}
