namespace CoachBot.Host.Tests.Abuse;

/// <summary>
/// Every Discord-deliverable entry of the hostile corpus through the real host: free text as a /ask option, as a
/// mention and as an interview answer in a DM; hostile commands, forged and replayed buttons and forms; malformed
/// dispatches and raw gateway frames. For each category: every input gets a visible reply (or, where the platform
/// itself would show nothing, is cleanly ignored), no message may ping, no secret may be sent or logged, nothing is
/// logged as an error, and a normal /ask is still answered afterwards.
/// </summary>
public sealed class DiscordAbuseTests(DiscordAbuseFixture fixture)
    : HostileCorpusRun("Discord", HostileInput.DiscordDispatchKind, HostileInput.DiscordFrameKind, fixture.Llm, fixture.Logs), IClassFixture<DiscordAbuseFixture>
{
    public static TheoryData<string> Categories => CategoriesFor(HostileInput.DiscordDispatchKind, HostileInput.DiscordFrameKind);

    protected override Func<int>[] Activity => [() => Discord.Requests.Count, () => fixture.Logs.Entries.Count];

    private FakeDiscordServer Discord => fixture.Discord;

    protected override Action<AbuseFindings> CheckOutboundFromHere()
    {
        var requestsFrom = Discord.Requests.Count;
        return findings =>
        {
            foreach (var request in Discord.Requests.Skip(requestsFrom))
            {
                OutboundChecks.CheckDiscord(request, findings, OwnerOf(request));
            }
        };
    }

    protected override void AssertStillConnected() => Assert.True(Discord.OpenConnections > 0, "the gateway connection is gone");

    protected override async Task AskAsync(HostileInput input, AbuseFindings findings)
    {
        var raw = new RawJson();
        var interaction = FakeDiscordEvents.SlashCommand(
            "ask", [new JsonObject { ["name"] = "question", ["type"] = 3, ["value"] = raw.Hold(input.Text) }], channelId: FakeDiscordEvents.NextId());
        await SendInteractionAsync(interaction, raw, input, "/ask", findings);
    }

    protected override async Task MentionAsync(HostileInput input, AbuseFindings findings)
    {
        var raw = new RawJson();
        var channel = Own(FakeDiscordEvents.NextId(), input);
        var message = FakeDiscordEvents.GuildMessage("placeholder", mentionBotId: fixture.BotUserId, channelId: channel);
        message["content"] = raw.Hold($"<@{fixture.BotUserId}> {input.Text}");
        var messageId = Own(message["id"]!.GetValue<string>(), input);
        await Discord.DispatchRawAsync("MESSAGE_CREATE", raw.Write(message));
        await ExpectReplyAsync(input, "a mention", findings, MessageMaySayNothing(input), channel, messageId);
    }

    protected override async Task InterviewAnswerAsync(HostileInput input, AbuseFindings findings)
    {
        var channel = Own(FakeDiscordEvents.NextId(), input);
        var start = await Discord.SendInteractionAsync(FakeDiscordEvents.SlashCommand(
            "interview", [new JsonObject { ["name"] = "start", ["type"] = 1, ["options"] = new JsonArray(FakeDiscordEvents.Option("track", "mixed")) }], guildId: null, channelId: channel));
        Own(start.Token, input);
        if (!await fixture.Replies.WaitAsync(DiscordAbuseFixture.ReplyTimeout, 1, start.Token))
        {
            findings.Add(input, "/interview in a DM", "the interview did not start");
            return;
        }

        var raw = new RawJson();
        var answer = FakeDiscordEvents.DirectMessage("placeholder", channelId: channel);
        answer["content"] = raw.Hold(input.Text);
        await Discord.DispatchRawAsync("MESSAGE_CREATE", raw.Write(answer));
        await ExpectReplyAsync(input, "an interview answer in a DM", findings, MessageMaySayNothing(input), channel);
    }

    protected override async Task CommandAsync(HostileInput input, AbuseFindings findings)
    {
        var raw = new RawJson();
        var options = new JsonArray();
        foreach (var (name, value) in input.Node("options") as JsonObject ?? [])
        {
            options.Add(value is JsonValue text && text.TryGetValue<string>(out var s)
                ? new JsonObject { ["name"] = name, ["type"] = 3, ["value"] = raw.Hold(s) }
                : new JsonObject { ["name"] = name, ["type"] = value is JsonValue number && number.TryGetValue<double>(out _) ? 4 : 3, ["value"] = value?.DeepClone() });
        }

        var top = input.Field("subcommand") is { } sub
            ? new JsonArray(new JsonObject { ["name"] = raw.Hold(sub), ["type"] = 1, ["options"] = options })
            : options;
        var permissions = input.Node("moderator") is JsonValue m && m.GetValue<bool>() ? FakeDiscordEvents.ModeratorPermissions : FakeDiscordEvents.MemberPermissions;
        var interaction = FakeDiscordEvents.SlashCommand("placeholder", top, channelId: FakeDiscordEvents.NextId(), permissions: permissions);
        interaction["data"]!["name"] = raw.Hold(input.Field("command")!);
        await SendInteractionAsync(interaction, raw, input, "a slash command", findings);
    }

    protected override async Task ButtonAsync(HostileInput input, AbuseFindings findings)
    {
        var (live, ended) = await fixture.QuizSessionsAsync();
        var raw = new RawJson();
        var user = input.Field("actor") == "other" ? FakeDiscordEvents.OtherUserId : FakeDiscordEvents.UserId;
        var click = FakeDiscordEvents.ButtonClick("placeholder", userId: user, channelId: FakeDiscordEvents.NextId());
        click["data"]!["custom_id"] = raw.Hold(input.Field("customId")!.Replace("{live}", live, StringComparison.Ordinal).Replace("{ended}", ended, StringComparison.Ordinal));
        await SendInteractionAsync(click, raw, input, "a button click", findings);
    }

    protected override async Task FormAsync(HostileInput input, AbuseFindings findings)
    {
        var (live, _) = await fixture.QuizSessionsAsync();
        var raw = new RawJson();
        var fields = (input.Node("fields") as JsonObject ?? []).ToDictionary(f => f.Key, f => f.Value!.GetValue<string>());
        var submit = FakeDiscordEvents.ModalSubmit("placeholder", fields.ToDictionary(f => f.Key, _ => "placeholder"), channelId: FakeDiscordEvents.NextId());
        submit["data"]!["custom_id"] = raw.Hold(input.Field("formId")!.Replace("{live}", live, StringComparison.Ordinal));
        foreach (var component in submit["data"]!["components"]!.AsArray())
        {
            var input4 = component!["component"]!;
            input4["value"] = raw.Hold(fields[input4["custom_id"]!.GetValue<string>()]);
        }

        await SendInteractionAsync(submit, raw, input, "a modal submit", findings);
    }

    /// <summary>Malformed dispatches need no answer; they must only leave the bot healthy (checked after the category).</summary>
    protected override async Task DeliverMalformedAsync(HostileInput input)
    {
        string data;
        if (input.Field("rawData") is { } rawData)
        {
            data = rawData;
        }
        else if (input.Field("base") is { } name)
        {
            var payload = Base(name, input);
            RawJson.Mutate(payload, input);
            data = payload.ToJsonString();
        }
        else
        {
            data = input.Node("data")?.ToJsonString() ?? "null";
        }

        await Discord.DispatchRawAsync(input.Field("event")!, data);
    }

    private JsonObject Base(string name, HostileInput input)
    {
        var channel = Own(FakeDiscordEvents.NextId(), input);
        JsonObject payload = name switch
        {
            "ask" => FakeDiscordEvents.SlashCommand("ask", [FakeDiscordEvents.Option("question", "what is sql?")], channelId: channel),
            "button" => FakeDiscordEvents.ButtonClick("quiz:zzzz:0:0", channelId: channel),
            "modal" => FakeDiscordEvents.ModalSubmit("challenge:submit:1", new Dictionary<string, string> { ["text"] = "my answer" }, channelId: channel),
            "mention" => FakeDiscordEvents.GuildMessage("how do I learn sql?", mentionBotId: fixture.BotUserId, channelId: channel),
            "dm" => FakeDiscordEvents.DirectMessage("what is sql?", channelId: channel),
            _ => throw new InvalidDataException($"{input.Id}: unknown Discord base payload '{name}'."),
        };
        if (name is "ask" or "button" or "modal")
        {
            Own(Discord.TrackInteraction(payload).Token, input);
        }
        else
        {
            Own(payload["id"]!.GetValue<string>(), input);
        }

        return payload;
    }

    /// <summary>A raw frame, then a DM that must still be answered (the client may have resumed in between).</summary>
    protected override async Task SendFrameAsync(HostileInput input, AbuseFindings findings)
    {
        await Discord.WaitForSessionAsync(DiscordAbuseFixture.ReplyTimeout);
        await Discord.SendRawFrameAsync(input.Text);
        var channel = Own(FakeDiscordEvents.NextId(), input);
        await Discord.DispatchAsync("MESSAGE_CREATE", FakeDiscordEvents.DirectMessage(ProbeQuestion, channelId: channel));
        if (!await fixture.Replies.WaitAsync(DiscordAbuseFixture.ReplyTimeout, 1, channel))
        {
            findings.Add(input, "a raw gateway frame", "the bot stopped answering DMs after this frame");
        }
    }

    private async Task SendInteractionAsync(JsonObject interaction, RawJson raw, HostileInput input, string route, AbuseFindings findings)
    {
        var tracked = Discord.TrackInteraction(interaction);
        Own(tracked.Token, input);
        await Discord.DispatchRawAsync("INTERACTION_CREATE", raw.Write(interaction));
        await ExpectReplyAsync(input, route, findings, PlatformMayDropIt(input), tracked.Token);
    }

    private async Task ExpectReplyAsync(HostileInput input, string route, AbuseFindings findings, bool maySayNothing, params string[] keys)
    {
        if (maySayNothing)
        {
            return;
        }

        if (!await fixture.Replies.WaitAsync(DiscordAbuseFixture.ReplyTimeout, 1, keys))
        {
            findings.Add(input, route, "no visible reply");
            return;
        }

        foreach (var reply in keys.SelectMany(fixture.Replies.For))
        {
            if (OutboundChecks.Strings(reply.Body).Any(s => s.Contains("something went wrong", StringComparison.OrdinalIgnoreCase)))
            {
                findings.Add(input, route, "answered with the failure apology: " + HostileInput.Printable(reply.Content ?? string.Empty, 160));
            }
        }
    }

    protected override async Task ProbeAsync(AbuseFindings findings, string what)
    {
        await Discord.WaitForSessionAsync(DiscordAbuseFixture.ReplyTimeout);
        var probe = await Discord.SendInteractionAsync(FakeDiscordEvents.SlashCommand(
            "ask", [FakeDiscordEvents.Option("question", ProbeQuestion)], channelId: FakeDiscordEvents.NextId()));
        if (!await fixture.Replies.WaitAsync(DiscordAbuseFixture.ReplyTimeout, 1, probe.Token))
        {
            findings.Add(what, "was not answered: the bot stopped answering");
        }
    }

    /// <summary>
    /// Payloads carrying lone surrogates can't be read as text by any JSON reader; Discord never sends them, and the
    /// bot drops such an event as malformed. Every other input must be answered.
    /// </summary>
    private static bool PlatformMayDropIt(HostileInput input) => input.Category == "surrogate";

    /// <summary>A mention or DM with nothing but whitespace besides the mention is not addressed to the coach: silence is right.</summary>
    private static bool MessageMaySayNothing(HostileInput input) => PlatformMayDropIt(input) || input.Text.Trim().Length == 0;

    private string OwnerOf(RecordedRequest request) =>
        request.Path.Split('/').Select(segment => Owners.GetValueOrDefault(segment)).FirstOrDefault(owner => owner is not null)
        ?? request.ToString();
}
