using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using CoachBot.Testing.FakeSlack;

namespace CoachBot.LoadTest;

/// <summary>
/// The Slack burst, the same shape as Discord's. Before it (not measured): one /ask answered as a warm-up, then the
/// quizzes (<c>/quiz databases 3</c>) and interviews (<c>/interview junior databases 3</c>) the burst continues, 50 at a
/// time, each in its own channel. Then every envelope goes out at once over the Socket Mode socket: /ask slash_commands,
/// block_actions clicks on the first question's buttons (values read from the bot's message), and events_api message
/// events replying in the interview threads. Ack latency = envelope created → ack with its envelope_id received by the
/// fake. Answered = the bot's first post for it: chat.postMessage in the command's channel (or its response_url),
/// chat.update of the quiz message, chat.postMessage in the interview thread; ephemeral replies count as refusals.
/// </summary>
internal sealed class SlackBurst(FakeSlackServer slack, LoadTestOptions options, BotMeters meter, BotMetrics metrics, IReadOnlyDictionary<int, int> connectionOwners)
{
    public const string Platform = "slack";

    private readonly List<string> _notes = [];

    /// <summary>The envelope that started each slot's quiz or interview (set-up), by slot index.</summary>
    private readonly Dictionary<int, string> _setupEnvelopes = [];

    public async Task<PlatformRun> RunAsync()
    {
        meter.BeginPhase(Platform);
        var slots = Slot.Plan(options);
        var setup = Stopwatch.StartNew();
        Progress.Say("slack: warm-up and set-up");
        var warm = Prepare(new Slot(-1, LoadKind.Ask, options.EffectiveMembers), "CWARM00", null, null);
        await slack.SendEnvelopeAsync(warm.Type, warm.Payload);
        var warmAnswer = await SetupWaitAsync([warm], "the warm-up /ask answer");
        _notes.Add("warm-up /ask answer: " + Clip(warmAnswer[0].Text));
        if (!options.NoKindWarmup)
        {
            await WarmOtherKindsAsync(slots);
        }

        var quizzes = await StartAllAsync(slots.Where(s => s.Kind == LoadKind.QuizClick), "/quiz", ScenarioDefaults.QuizSkill + " 3", "a quiz's first question",
            m => m.EphemeralUser is null && FakeSlackBlocks.Buttons(m.Blocks).Any());
        var interviews = await StartAllAsync(slots.Where(s => s.Kind == LoadKind.InterviewAnswer), "/interview",
            $"{ScenarioDefaults.InterviewLevel} {ScenarioDefaults.InterviewTrack} 3", "an interview's first question",
            m => m.EphemeralUser is null && m.ThreadTs is null);
        await Task.Delay(500);
        _notes.Add(string.Create(CultureInfo.InvariantCulture,
            $"set-up (warm-up, {quizzes.Count} quizzes and {interviews.Count} interviews started, not measured): {setup.Elapsed.TotalSeconds:0.0} s"));

        var prepared = slots.Select(slot => slot.Kind switch
        {
            LoadKind.QuizClick => Prepare(slot, Channel(slot), quizzes[slot.Index], null),
            LoadKind.InterviewAnswer => Prepare(slot, Channel(slot), null, interviews[slot.Index]),
            _ => Prepare(slot, Channel(slot), null, null),
        }).ToList();
        var before = LastSequence();
        var ackHistogram = await metrics.SnapshotAsync(Platform);
        var cpu = CpuWindow.Start(meter);
        var started = DateTimeOffset.UtcNow;
        var sent = await Task.WhenAll(prepared.Select(async p =>
        {
            var created = Stopwatch.GetTimestamp();
            var id = await slack.SendEnvelopeAsync(p.Type, p.Payload);
            return (Envelope: p, Id: id, Created: created);
        }));
        Progress.Say(string.Create(CultureInfo.InvariantCulture, $"slack: {sent.Length} envelopes sent, waiting for the answers"));
        var answered = await Poll.UntilAsync(
            () =>
            {
                var view = new AnswerView(slack, before);
                return prepared.All(p => view.Find(p) is not null);
            },
            TimeSpan.FromSeconds(options.TimeoutSeconds));
        if (!answered)
        {
            await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"slack: timed out after {options.TimeoutSeconds} s waiting for answers"));
        }

        _notes.Add(cpu.Describe("the burst, first send to last answer (+ up to 100 ms of polling)", sent.Length));
        if (cpu.DescribePerProcess() is { } perProcess)
        {
            _notes.Add(perProcess);
        }

        _notes.Add(await BotSide.DescribeAsync(metrics, Platform, ackHistogram));
        var final = new AnswerView(slack, before);
        var acks = slack.Acks.GroupBy(a => a.EnvelopeId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Min(a => a.Timestamp), StringComparer.Ordinal);
        var outcomes = sent.Select(s =>
        {
            double? ack = acks.TryGetValue(s.Id, out var at) ? Stopwatch.GetElapsedTime(s.Created, at).TotalMilliseconds : null;
            var seen = final.Find(s.Envelope);
            return new Outcome(s.Envelope.Slot.Kind, true, ack, seen?.At, seen?.Refused ?? false);
        }).ToList();
        _notes.Add(AnswerTimeline.Describe(Platform, outcomes, started));
        _notes.Add(LoadRig.ModelRequests.Describe(Platform, started));
        var rows = Enum.GetValues<LoadKind>()
            .Where(kind => outcomes.Any(o => o.Kind == kind))
            .Select(kind => ResultRow.From(Platform, LoadKinds.Describe(kind, Platform), outcomes.Where(o => o.Kind == kind).ToList(), started, null))
            .Append(ResultRow.From(Platform, "all", outcomes, started, meter.MaxRssMb(Platform)))
            .ToList();
        if (meter.Count == 1)
        {
            _notes.Add("every envelope goes to the newest of the bot's Socket Mode connections; the bot works on at most "
                + "Slack:MaxConcurrentRequests requests at once after acking (default 16)");
        }
        else
        {
            _notes.AddRange(new SlackSpread(slack, connectionOwners, meter.Count).Describe(sent.Select(s => (s.Envelope.Slot, s.Id, Answered: final.Find(s.Envelope) is { Refused: false })).ToList(), _setupEnvelopes));
        }

        var twice = Enum.GetValues<LoadKind>()
            .Where(kind => sent.Any(s => s.Envelope.Slot.Kind == kind))
            .Select(kind => string.Create(CultureInfo.InvariantCulture,
                $"{LoadKinds.Describe(kind, Platform)} {sent.Count(s => s.Envelope.Slot.Kind == kind && final.Count(s.Envelope) > 1)}"));
        _notes.Add("envelopes with more than one answer (/ask: top-level posts and response_url replies in its channel; quiz click: "
            + "updates of the quiz message; interview answer: feedback posts in its thread; compare with a one-process run, "
            + "where a kind's normal replies set the baseline): " + string.Join(", ", twice));
        return new PlatformRun(Platform, rows, _notes);
    }

    /// <summary>
    /// Like the warm-up /ask: one quiz click and one interview answer of the burst's kinds, by members and in channels of
    /// their own (negative slot indexes), answered before the burst. A bot in service has handled each kind of event
    /// before; a fresh process compiles each path the first time it runs (docs/benchmarks.md, "One event of each kind
    /// before the burst").
    /// </summary>
    private async Task WarmOtherKindsAsync(IReadOnlyList<Slot> slots)
    {
        List<Envelope> warm = [];
        if (slots.Any(s => s.Kind == LoadKind.QuizClick))
        {
            var slot = new Slot(-2, LoadKind.QuizClick, options.EffectiveMembers + 1);
            var quiz = await StartAllAsync([slot], "/quiz", ScenarioDefaults.QuizSkill + " 3", "the warm-up quiz's first question",
                m => m.EphemeralUser is null && FakeSlackBlocks.Buttons(m.Blocks).Any());
            warm.Add(Prepare(slot, Channel(slot), quiz[slot.Index], null));
        }

        if (slots.Any(s => s.Kind == LoadKind.InterviewAnswer))
        {
            var slot = new Slot(-3, LoadKind.InterviewAnswer, options.EffectiveMembers + 2);
            var interview = await StartAllAsync([slot], "/interview", $"{ScenarioDefaults.InterviewLevel} {ScenarioDefaults.InterviewTrack} 3",
                "the warm-up interview's first question", m => m.EphemeralUser is null && m.ThreadTs is null);
            warm.Add(Prepare(slot, Channel(slot), null, interview[slot.Index]));
        }

        foreach (var envelope in warm)
        {
            await slack.SendEnvelopeAsync(envelope.Type, envelope.Payload);
            var seen = await SetupWaitAsync([envelope], "the warm-up " + LoadKinds.Describe(envelope.Slot.Kind, Platform));
            _notes.Add("warm-up " + LoadKinds.Describe(envelope.Slot.Kind, Platform) + ": " + Clip(seen[0].Text));
        }
    }

    private static string Channel(Slot slot) => "C" + (200_000 + slot.Index).ToString(CultureInfo.InvariantCulture);

    private static string User(int member) => "U" + (100_000 + member).ToString(CultureInfo.InvariantCulture);

    private Envelope Prepare(Slot slot, string channel, FakeSlackMessage? quiz, FakeSlackMessage? interview)
    {
        var user = User(slot.Member);
        var responseUrl = slack.CreateResponseUrl();
        switch (slot.Kind)
        {
            case LoadKind.QuizClick:
                var buttons = FakeSlackBlocks.Buttons(quiz!.Blocks).Where(b => b.Value.StartsWith("quiz:", StringComparison.Ordinal)).ToList();
                var button = buttons[Math.Abs(slot.Index) % buttons.Count];
                return new Envelope(slot, channel, responseUrl, quiz.Ts, "interactive",
                    FakeSlackPayloads.BlockAction(user, channel, quiz.Ts, button.Value, responseUrl, button.ActionId));
            case LoadKind.InterviewAnswer:
                var text = InterviewAnswerText.For(interview!.AllText);
                return new Envelope(slot, channel, responseUrl, interview.Ts, "events_api",
                    FakeSlackPayloads.EventCallback(FakeSlackPayloads.Message(user, text, channel, slack.NextTs(), "channel", interview.Ts)));
            default:
                return new Envelope(slot, channel, responseUrl, null, "slash_commands",
                    FakeSlackPayloads.SlashCommand("/ask", Questions.For(Math.Abs(slot.Index)), user, channel, responseUrl));
        }
    }

    /// <summary>Starts one quiz or interview per slot, 50 at a time, and returns the bot's first message for each.</summary>
    private async Task<Dictionary<int, FakeSlackMessage>> StartAllAsync(
        IEnumerable<Slot> slots, string command, string text, string what, Func<FakeSlackMessage, bool> isFirstQuestion)
    {
        var started = new Dictionary<int, FakeSlackMessage>();
        foreach (var batch in slots.Chunk(ScenarioDefaults.SetupBatch))
        {
            var ids = await Task.WhenAll(batch.Select(slot => slack.SendEnvelopeAsync("slash_commands",
                FakeSlackPayloads.SlashCommand(command, text, User(slot.Member), Channel(slot), slack.CreateResponseUrl()))));
            for (var i = 0; i < batch.Length; i++)
            {
                _setupEnvelopes[batch[i].Index] = ids[i];
            }

            Dictionary<string, FakeSlackMessage> found = [];
            var complete = await Poll.UntilAsync(
                () =>
                {
                    found = slack.Messages.Where(isFirstQuestion).GroupBy(m => m.Channel, StringComparer.Ordinal)
                        .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
                    return batch.All(slot => found.ContainsKey(Channel(slot)));
                },
                TimeSpan.FromSeconds(60));
            if (!complete)
            {
                var posts = slack.ResponsePosts;
                var calls = slack.Calls;
                var refusal = posts.Count > 0 ? posts[^1].AllText : calls.Count > 0 ? calls[^1].Body.ToJsonString() : "nothing";
                throw new SetupException($"slack set-up: no reply within 60 s for {what} (last reply: {Clip(refusal)})");
            }

            foreach (var slot in batch)
            {
                started[slot.Index] = found[Channel(slot)];
            }
        }

        return started;
    }

    private async Task<List<SeenAnswer>> SetupWaitAsync(IReadOnlyList<Envelope> envelopes, string what)
    {
        List<SeenAnswer> seen = [];
        var complete = await Poll.UntilAsync(
            () =>
            {
                var view = new AnswerView(slack, 0);
                seen = envelopes.Select(view.Find).OfType<SeenAnswer>().ToList();
                return seen.Count == envelopes.Count;
            },
            TimeSpan.FromSeconds(60));
        return complete ? seen : throw new SetupException($"slack set-up: no reply within 60 s for {what}");
    }

    private long LastSequence() =>
        new[]
        {
            slack.Calls.Select(c => c.Sequence).DefaultIfEmpty().Max(),
            slack.ResponsePosts.Select(p => p.Sequence).DefaultIfEmpty().Max(),
            slack.Acks.Select(a => a.Sequence).DefaultIfEmpty().Max(),
            slack.Envelopes.Select(e => e.Sequence).DefaultIfEmpty().Max(),
        }.Max();

    private static string Clip(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length > 140 ? line[..140] + "…" : line;
    }

    private static string TextOf(FakeSlackApiCall call) =>
        string.Join('\n', new[] { call.Field("text") ?? string.Empty }.Concat(FakeSlackBlocks.Texts(call.Blocks)));

    /// <summary>One envelope of the burst and what identifies its answer.</summary>
    private sealed record Envelope(Slot Slot, string Channel, string ResponseUrl, string? MessageTs, string Type, JsonObject Payload)
    {
        public string ResponseUrlId => ResponseUrl[(ResponseUrl.LastIndexOf('/') + 1)..];
    }

    /// <summary>The bot's Web API calls and response_url posts recorded after a given sequence, by channel and url.</summary>
    private sealed class AnswerView
    {
        private readonly Dictionary<string, List<FakeSlackApiCall>> _calls;
        private readonly Dictionary<string, FakeResponsePost> _posts;
        private readonly Dictionary<string, int> _postCounts;

        public AnswerView(FakeSlackServer slack, long after)
        {
            _calls = slack.Calls
                .Where(c => c.Ok && c.Sequence > after && c.Field("channel") is not null)
                .GroupBy(c => c.Field("channel")!, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.OrderBy(c => c.Sequence).ToList(), StringComparer.Ordinal);
            _posts = slack.ResponsePosts
                .Where(p => p.Sequence > after)
                .GroupBy(p => p.ResponseUrlId, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.OrderBy(p => p.Sequence).First(), StringComparer.Ordinal);
            _postCounts = slack.ResponsePosts
                .Where(p => p.Sequence > after)
                .GroupBy(p => p.ResponseUrlId, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        }

        public SeenAnswer? Find(Envelope envelope)
        {
            var call = Answers(envelope).FirstOrDefault();
            if (call is not null)
            {
                var text = TextOf(call);
                var refused = call.Method == "chat.postEphemeral"
                    || (envelope.Slot.Kind == LoadKind.InterviewAnswer && !InterviewAnswerText.IsFeedback(text));
                return new SeenAnswer(call.ReceivedAt, refused, text);
            }

            return _posts.TryGetValue(envelope.ResponseUrlId, out var post)
                ? new SeenAnswer(post.ReceivedAt, post.ResponseType == "ephemeral", post.AllText)
                : null;
        }

        /// <summary>
        /// How many first answers the envelope got (more than one: worked on twice): /ask top-level posts and
        /// response_url replies, quiz message updates, interview feedback posts.
        /// </summary>
        public int Count(Envelope envelope) => envelope.Slot.Kind switch
        {
            LoadKind.InterviewAnswer => Answers(envelope).Count(c => c.Method == "chat.postEphemeral" || InterviewAnswerText.IsFeedback(TextOf(c))),
            LoadKind.QuizClick => Answers(envelope).Count(),
            _ => Answers(envelope).Count(c => c.Field("thread_ts") is null) + _postCounts.GetValueOrDefault(envelope.ResponseUrlId),
        };

        private IEnumerable<FakeSlackApiCall> Answers(Envelope envelope)
        {
            var calls = _calls.GetValueOrDefault(envelope.Channel) ?? [];
            return envelope.Slot.Kind switch
            {
                LoadKind.QuizClick => calls.Where(c => c.Method == "chat.postEphemeral" || (c.Method == "chat.update" && c.Field("ts") == envelope.MessageTs)),
                LoadKind.InterviewAnswer => calls.Where(c => c.Method == "chat.postEphemeral" || (c.Method == "chat.postMessage" && c.Field("thread_ts") == envelope.MessageTs)),
                _ => calls.Where(c => c.Method is "chat.postMessage" or "chat.postEphemeral"),
            };
        }
    }
}
