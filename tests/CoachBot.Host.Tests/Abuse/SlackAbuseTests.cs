namespace CoachBot.Host.Tests.Abuse;

/// <summary>
/// Every Slack-deliverable entry of the hostile corpus through the real host over Socket Mode: free text as /ask
/// command text, as an app mention and as an interview answer in a DM; hostile commands, forged and replayed buttons
/// and view submissions; envelopes with malformed payloads and raw frames. For each category: every input gets a
/// visible reply (or is cleanly ignored where Slack itself would show nothing), nothing sent carries a broadcast or a
/// secret, nothing is logged as an error or leaks a secret, and a normal /ask is still answered afterwards.
/// </summary>
public sealed class SlackAbuseTests(SlackAbuseFixture fixture)
    : HostileCorpusRun("Slack", HostileInput.SlackEnvelopeKind, HostileInput.SlackFrameKind, fixture.Llm, fixture.Logs), IClassFixture<SlackAbuseFixture>
{
    public static TheoryData<string> Categories => CategoriesFor(HostileInput.SlackEnvelopeKind, HostileInput.SlackFrameKind);

    protected override Func<int>[] Activity => [() => Slack.Calls.Count, () => Slack.ResponsePosts.Count, () => fixture.Logs.Entries.Count];

    private FakeSlackServer Slack => fixture.Slack;

    protected override Action<AbuseFindings> CheckOutboundFromHere()
    {
        var callsFrom = Slack.Calls.Count;
        var postsFrom = Slack.ResponsePosts.Count;
        return findings =>
        {
            foreach (var call in Slack.Calls.Skip(callsFrom))
            {
                OutboundChecks.CheckSlack(call, findings, Owners.GetValueOrDefault(call.Field("channel") ?? string.Empty) ?? call.Method);
            }

            foreach (var post in Slack.ResponsePosts.Skip(postsFrom))
            {
                OutboundChecks.CheckSlack(post, findings, Owners.GetValueOrDefault(post.ResponseUrlId) ?? "response_url " + post.ResponseUrlId);
            }
        };
    }

    protected override async Task ProbeAsync(AbuseFindings findings, string what)
    {
        if (!await AskAsync(ProbeQuestion))
        {
            findings.Add(what, "was not answered: the bot stopped answering");
        }
    }

    protected override Task AskAsync(HostileInput input, AbuseFindings findings) => SlashAsync(input, "/ask", input.Text, SlackAbuseFixture.Owner, "/ask", findings);

    protected override async Task MentionAsync(HostileInput input, AbuseFindings findings)
    {
        var raw = new RawJson();
        var channel = Own(fixture.NewId('C'), input);
        var mention = FakeSlackPayloads.AppMention(SlackAbuseFixture.Owner, "placeholder", channel, Slack.NextTs());
        mention["text"] = raw.Hold("<@UBOT111> " + input.Text);
        await fixture.SendEnvelopeAsync("events_api", FakeSlackPayloads.EventCallback(mention), raw);
        await ExpectAsync(input, "an app mention", findings, 1, channel);
    }

    protected override async Task InterviewAnswerAsync(HostileInput input, AbuseFindings findings)
    {
        var dm = Own(fixture.NewId('D'), input);
        var responseUrl = NewResponseUrl(input, out var responseUrlId);
        await fixture.SendEnvelopeAsync("slash_commands", FakeSlackPayloads.SlashCommand("/interview", "mixed", SlackAbuseFixture.Owner, dm, responseUrl), new RawJson());
        if (!await fixture.WaitForRepliesAsync(1, dm, responseUrlId))
        {
            findings.Add(input, "/interview in a DM", "the interview did not start");
            return;
        }

        var before = fixture.Replies(dm);
        var raw = new RawJson();
        var answer = FakeSlackPayloads.Message(SlackAbuseFixture.Owner, "placeholder", dm, Slack.NextTs(), "im");
        answer["text"] = raw.Hold(input.Text);
        await fixture.SendEnvelopeAsync("events_api", FakeSlackPayloads.EventCallback(answer), raw);
        await ExpectAsync(input, "an interview answer in a DM", findings, before + 1, dm);
    }

    protected override Task CommandAsync(HostileInput input, AbuseFindings findings)
    {
        var user = input.Node("moderator") is JsonValue m && m.GetValue<bool>() ? SlackAbuseFixture.Moderator : SlackAbuseFixture.Owner;
        return SlashAsync(input, "/" + input.Field("command"), CommandLineText.Arguments(input), user, "a slash command", findings);
    }

    private async Task SlashAsync(HostileInput input, string command, string text, string user, string route, AbuseFindings findings)
    {
        var raw = new RawJson();
        var channel = Own(fixture.NewId('C'), input);
        var trigger = Own("trigger-" + Guid.NewGuid().ToString("N"), input);
        var payload = FakeSlackPayloads.SlashCommand("/placeholder", "placeholder", user, channel, NewResponseUrl(input, out var responseUrlId), trigger);
        payload["command"] = raw.Hold(command);
        payload["text"] = raw.Hold(text);
        await fixture.SendEnvelopeAsync("slash_commands", payload, raw);
        await ExpectAsync(input, route, findings, 1, channel, responseUrlId, trigger);
    }

    protected override async Task ButtonAsync(HostileInput input, AbuseFindings findings)
    {
        var (live, ended) = await fixture.QuizSessionsAsync();
        var raw = new RawJson();
        var channel = Own(fixture.NewId('C'), input);
        var source = Slack.SeedMessage(channel);
        var user = input.Field("actor") == "other" ? SlackAbuseFixture.Someone : SlackAbuseFixture.Owner;
        var click = FakeSlackPayloads.BlockAction(user, channel, source.Ts, "placeholder", NewResponseUrl(input, out var responseUrlId));
        click["actions"]![0]!["value"] = raw.Hold(input.Field("customId")!.Replace("{live}", live, StringComparison.Ordinal).Replace("{ended}", ended, StringComparison.Ordinal));
        await fixture.SendEnvelopeAsync("interactive", click, raw);
        await ExpectAsync(input, "a button click", findings, 1, channel, responseUrlId);
    }

    protected override async Task FormAsync(HostileInput input, AbuseFindings findings)
    {
        var (live, _) = await fixture.QuizSessionsAsync();
        var raw = new RawJson();
        var channel = Own(fixture.NewId('C'), input);
        var fields = (input.Node("fields") as JsonObject ?? []).ToDictionary(f => f.Key, f => f.Value!.GetValue<string>());
        var submission = FakeSlackPayloads.ViewSubmission(SlackAbuseFixture.Owner, "placeholder", $"{{\"c\":\"{channel}\",\"t\":null}}", fields.ToDictionary(f => f.Key, _ => "placeholder"));
        submission["view"]!["callback_id"] = raw.Hold(input.Field("formId")!.Replace("{live}", live, StringComparison.Ordinal));
        foreach (var (blockId, block) in submission["view"]!["state"]!["values"]!.AsObject())
        {
            block!["value"]!["value"] = raw.Hold(fields[blockId]);
        }

        await fixture.SendEnvelopeAsync("interactive", submission, raw);
        await ExpectAsync(input, "a view submission", findings, 1, channel);
    }

    /// <summary>Malformed payloads need no answer; they must only leave the bot healthy (checked after the category).</summary>
    protected override async Task DeliverMalformedAsync(HostileInput input)
    {
        var payload = input.Field("base") is { } name ? Base(name, input) : input.Node("payload")?.DeepClone();
        if (payload is not null && input.Has("base"))
        {
            RawJson.Mutate(payload, input);
        }

        await fixture.SendEnvelopeAsync(input.Field("envelopeType")!, payload, new RawJson());
    }

    private JsonObject Base(string name, HostileInput input)
    {
        var channel = Own(fixture.NewId(name == "dm" ? 'D' : 'C'), input);
        return name switch
        {
            "slash" => FakeSlackPayloads.SlashCommand("/ask", "what is sql?", SlackAbuseFixture.Owner, channel, NewResponseUrl(input, out _)),
            "block_actions" => FakeSlackPayloads.BlockAction(SlackAbuseFixture.Owner, channel, Slack.SeedMessage(channel).Ts, "quiz:zzzz:0:0", NewResponseUrl(input, out _)),
            "view_submission" => FakeSlackPayloads.ViewSubmission(
                SlackAbuseFixture.Owner, "challenge:submit:1", $"{{\"c\":\"{channel}\",\"t\":null}}", new Dictionary<string, string> { ["text"] = "my answer" }),
            "mention" => FakeSlackPayloads.EventCallback(FakeSlackPayloads.AppMention(SlackAbuseFixture.Owner, "<@UBOT111> how do I learn sql?", channel, Slack.NextTs())),
            "dm" => FakeSlackPayloads.EventCallback(FakeSlackPayloads.Message(SlackAbuseFixture.Owner, "what is sql?", channel, Slack.NextTs(), "im")),
            _ => throw new InvalidDataException($"{input.Id}: unknown Slack base payload '{name}'."),
        };
    }

    /// <summary>A raw frame, then a /ask that must still be answered (on a new connection if the frame cost the old one).</summary>
    protected override async Task SendFrameAsync(HostileInput input, AbuseFindings findings)
    {
        var connection = await Slack.WaitForAsync(s => s.NewestOpenConnection(), SlackAbuseFixture.ReplyTimeout, "an open Socket Mode connection");
        await Slack.SendRawFrameAsync(input.Text, connection);
        if (!await AskAsync(ProbeQuestion) && !await AskAsync(ProbeQuestion))
        {
            findings.Add(input, "a raw Socket Mode frame", "the bot stopped answering after this frame");
        }
    }

    private async Task<bool> AskAsync(string question)
    {
        var channel = fixture.NewId('C');
        await fixture.SendEnvelopeAsync("slash_commands", FakeSlackPayloads.SlashCommand("/ask", question, SlackAbuseFixture.Owner, channel, Slack.CreateResponseUrl()), new RawJson());
        return await fixture.WaitForRepliesAsync(1, channel);
    }

    private async Task ExpectAsync(HostileInput input, string route, AbuseFindings findings, int atLeast, params string[] keys)
    {
        if (input.Category == "surrogate")
        {
            // No JSON reader can read a lone surrogate as text and Slack never sends one: the bot drops the payload.
            return;
        }

        if (!await fixture.WaitForRepliesAsync(atLeast, keys))
        {
            findings.Add(input, route, "no visible reply");
            return;
        }

        var texts = keys.SelectMany(k => fixture.Calls.For(k).Select(c => c.Body).Concat(fixture.ResponsePosts.For(k).Select(p => p.Body)))
            .SelectMany(OutboundChecks.Strings);
        if (texts.FirstOrDefault(t => t.Contains("something went wrong", StringComparison.OrdinalIgnoreCase)) is { } apology)
        {
            findings.Add(input, route, "answered with the failure apology: " + HostileInput.Printable(apology, 160));
        }
    }

    private string NewResponseUrl(HostileInput input, out string id)
    {
        var url = Slack.CreateResponseUrl();
        id = Own(url[(url.LastIndexOf('/') + 1)..], input);
        return url;
    }
}
