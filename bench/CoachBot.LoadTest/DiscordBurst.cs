using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using CoachBot.Testing.FakeDiscord;

namespace CoachBot.LoadTest;

/// <summary>
/// The Discord burst. Before it (not measured): one /ask answered end to end as a warm-up, then the quizzes and
/// interviews the burst will continue are started (<c>/quiz databases 3</c>, <c>/interview start junior databases 3</c>,
/// 50 at a time), each in its own channel. Then every event goes out at once over the gateway: /ask INTERACTION_CREATE,
/// clicks on the first question's answer buttons (custom ids read from the bot's message), and MESSAGE_CREATE answers in
/// the interview threads the bot opened. Ack latency = interaction dispatch created → callback received by the fake.
/// An event is answered by the bot's first write for it: a webhook edit or follow-up for interactions, a message in the
/// thread for interview answers.
/// </summary>
internal sealed class DiscordBurst(FakeDiscordServer discord, DiscordAnswers answers, LoadTestOptions options, BotMeters meter, BotMetrics metrics)
{
    public const string Platform = "discord";

    private readonly TimeSpan _timeout = TimeSpan.FromSeconds(options.TimeoutSeconds);
    private readonly List<string> _notes = [];

    public async Task<PlatformRun> RunAsync()
    {
        meter.BeginPhase(Platform);
        var slots = Slot.Plan(options);
        var setup = Stopwatch.StartNew();
        Progress.Say("discord: warm-up and set-up");
        var warm = await discord.SendInteractionAsync(DiscordIds.Ask(Questions.For(0), DiscordIds.Member(options.EffectiveMembers), DiscordIds.Guild(0, options.Guilds), DiscordIds.Channel(LoadTestOptions.MaxOfflineTotal), options.AskInThread));
        var warmAnswer = await SetupWait(answers.ForInteraction(warm.Token), "the warm-up /ask answer");
        _notes.Add("warm-up /ask answer: " + Clip(warmAnswer.Text));
        if (!options.NoKindWarmup)
        {
            await WarmOtherKindsAsync(slots);
        }

        var quizzes = await InBatchesAsync(slots.Where(s => s.Kind == LoadKind.QuizClick), StartQuizAsync);
        var interviews = await InBatchesAsync(slots.Where(s => s.Kind == LoadKind.InterviewAnswer), StartInterviewAsync);
        // Let the last thread registrations and database writes of the set-up settle before the burst.
        await Task.Delay(500);
        _notes.Add(string.Create(CultureInfo.InvariantCulture,
            $"set-up (warm-up, {quizzes.Count} quizzes and {interviews.Count} interviews started, not measured): {setup.Elapsed.TotalSeconds:0.0} s"));

        var ackHistogram = await metrics.SnapshotAsync(Platform);
        var cpu = CpuWindow.Start(meter);
        var started = DateTimeOffset.UtcNow;
        var pending = await Task.WhenAll(slots.Select(slot => SendAsync(slot, quizzes, interviews)));
        Progress.Say(string.Create(CultureInfo.InvariantCulture, $"discord: {pending.Length} events sent, waiting for the answers"));
        var all = Task.WhenAll(pending.Select(p => p.Answer));
        if (await Task.WhenAny(all, Task.Delay(_timeout)) != all)
        {
            await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"discord: timed out after {_timeout.TotalSeconds:0} s waiting for answers"));
        }

        _notes.Add(cpu.Describe("the burst, first send to last answer", pending.Length));
        if (cpu.DescribePerProcess() is { } perProcess)
        {
            _notes.Add(perProcess);
            _notes.Add(DescribeShards(pending));
        }

        _notes.Add(await BotSide.DescribeAsync(metrics, Platform, ackHistogram));
        var outcomes = pending.Select(p => p.ToOutcome()).ToList();
        _notes.Add(WireToAck(pending));
        _notes.Add(AnswerTimeline.Describe(Platform, outcomes, started));
        _notes.Add(LoadRig.ModelRequests.Describe(Platform, started));
        var rss = meter.MaxRssMb(Platform);
        var rows = Enum.GetValues<LoadKind>()
            .Where(kind => outcomes.Any(o => o.Kind == kind))
            .Select(kind => ResultRow.From(Platform, LoadKinds.Describe(kind, Platform), outcomes.Where(o => o.Kind == kind).ToList(), started, null))
            .Append(ResultRow.From(Platform, "all", outcomes, started, rss))
            .ToList();
        if (slots.Any(s => s.Kind == LoadKind.Ask))
        {
            _notes.Add(DiscordNotes.AskPlacement(options));
        }

        if (interviews.Count > 0)
        {
            _notes.Add("interview answers are thread messages, not interactions: no ack; the bot's replies there go through its REST "
                + "client's global limit (Discord:MaxRequestsPerSecond, 50/s; interaction callbacks and webhooks are exempt).");
        }

        return new PlatformRun(Platform, rows, _notes);
    }

    /// <summary>
    /// Like the warm-up /ask: one quiz click and one interview answer of the burst's kinds, by members and in channels of
    /// their own, answered before the burst. A bot in service has handled each kind of event before; a fresh process
    /// compiles each path the first time it runs (docs/benchmarks.md, "One event of each kind before the burst").
    /// </summary>
    private async Task WarmOtherKindsAsync(IReadOnlyList<Slot> slots)
    {
        var warmQuiz = new Slot(LoadTestOptions.MaxOfflineTotal + 1, LoadKind.QuizClick, options.EffectiveMembers + 1);
        var warmInterview = new Slot(LoadTestOptions.MaxOfflineTotal + 2, LoadKind.InterviewAnswer, options.EffectiveMembers + 2);
        var quizzes = new Dictionary<int, QuizTarget>();
        var interviews = new Dictionary<int, InterviewTarget>();
        List<Slot> warm = [];
        if (slots.Any(s => s.Kind == LoadKind.QuizClick))
        {
            quizzes[warmQuiz.Index] = await StartQuizAsync(warmQuiz);
            warm.Add(warmQuiz);
        }

        if (slots.Any(s => s.Kind == LoadKind.InterviewAnswer))
        {
            interviews[warmInterview.Index] = await StartInterviewAsync(warmInterview);
            warm.Add(warmInterview);
        }

        foreach (var slot in warm)
        {
            var pending = await SendAsync(slot, quizzes, interviews);
            var seen = await SetupWait(pending.Answer, "the warm-up " + LoadKinds.Describe(slot.Kind, Platform));
            _notes.Add("warm-up " + LoadKinds.Describe(slot.Kind, Platform) + ": " + Clip(seen.Text));
        }
    }

    private async Task<Pending> SendAsync(Slot slot, IReadOnlyDictionary<int, QuizTarget> quizzes, IReadOnlyDictionary<int, InterviewTarget> interviews)
    {
        var user = DiscordIds.Member(slot.Member);
        var guild = DiscordIds.Guild(slot.Index, options.Guilds);
        var channel = DiscordIds.Channel(slot.Index);
        switch (slot.Kind)
        {
            case LoadKind.QuizClick:
                var quiz = quizzes[slot.Index];
                var click = await discord.SendInteractionAsync(FakeDiscordEvents.ButtonClick(quiz.CustomId, user, guild, channel, quiz.MessageId, discord.Options.BotUserId));
                return new Pending(slot.Index, slot.Kind, click, answers.ForInteraction(click.Token));
            case LoadKind.InterviewAnswer:
                var interview = interviews[slot.Index];
                var answer = answers.NextMessageIn(interview.ThreadId, InterviewAnswerText.IsFeedback);
                await discord.SendMessageCreateAsync(FakeDiscordEvents.GuildMessage(interview.AnswerText, null, user, guild, interview.ThreadId));
                return new Pending(slot.Index, slot.Kind, null, answer);
            default:
                var ask = await discord.SendInteractionAsync(DiscordIds.Ask(Questions.For(slot.Index), user, guild, channel, options.AskInThread));
                return new Pending(slot.Index, slot.Kind, ask, answers.ForInteraction(ask.Token));
        }
    }

    private async Task<QuizTarget> StartQuizAsync(Slot slot)
    {
        var start = await discord.SendInteractionAsync(DiscordIds.StartQuiz(
            DiscordIds.Member(slot.Member), DiscordIds.Guild(slot.Index, options.Guilds), DiscordIds.Channel(slot.Index)));
        var question = await SetupWait(answers.ForInteraction(start.Token), "a quiz's first question");
        var buttons = (question.Body?["components"] as JsonArray ?? [])
            .SelectMany(row => row?["components"] as JsonArray ?? [])
            .Select(button => button?["custom_id"]?.GetValue<string>())
            .OfType<string>()
            .Where(id => id.StartsWith("quiz:", StringComparison.Ordinal) && id.Split(':') is { Length: 4 } parts && parts[2] == "0")
            .ToList();
        if (question.Refused || buttons.Count == 0)
        {
            throw new SetupException("a /quiz start got no answer buttons: " + Clip(question.Text));
        }

        // Spread the clicks over the options, so some are right and some wrong.
        return new QuizTarget(buttons[slot.Index % buttons.Count], start.OriginalMessageId);
    }

    private async Task<InterviewTarget> StartInterviewAsync(Slot slot)
    {
        var start = await discord.SendInteractionAsync(DiscordIds.StartInterview(
            DiscordIds.Member(slot.Member), DiscordIds.Guild(slot.Index, options.Guilds), DiscordIds.Channel(slot.Index)));
        var question = await SetupWait(answers.ForInteraction(start.Token), "an interview's first question");
        if (question.Refused)
        {
            throw new SetupException("an /interview start was refused: " + Clip(question.Text));
        }

        await SetupWait(answers.ForThread(start.OriginalMessageId), "the interview thread");
        return new InterviewTarget(start.OriginalMessageId, InterviewAnswerText.For(question.Text));
    }

    private static async Task<Dictionary<int, T>> InBatchesAsync<T>(IEnumerable<Slot> slots, Func<Slot, Task<T>> start)
    {
        var started = new Dictionary<int, T>();
        foreach (var batch in slots.Chunk(ScenarioDefaults.SetupBatch))
        {
            var results = await Task.WhenAll(batch.Select(start));
            for (var i = 0; i < batch.Length; i++)
            {
                started[batch[i].Index] = results[i];
            }
        }

        return started;
    }

    private static async Task<SeenAnswer> SetupWait(Task<SeenAnswer> answer, string what)
    {
        try
        {
            return await answer.WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException)
        {
            throw new SetupException($"discord set-up: no reply within 60 s for {what}");
        }
    }

    private static string Clip(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length > 140 ? line[..140] + "…" : line;
    }

    /// <summary>
    /// The same acknowledgements measured from the moment the fake wrote each frame to the socket, leaving out the
    /// time an event waited in the fake's own serial send queue (one socket, one frame at a time).
    /// </summary>
    private static string WireToAck(IEnumerable<Pending> pending)
    {
        var values = pending.Select(p => p.WireToAckMs).OfType<double>().ToList();
        if (values.Count == 0)
        {
            return "discord: ack from frame written (fake's send queue left out): no interactions";
        }

        var queued = pending.Select(p => p.QueuedMs).OfType<double>().ToList();
        return string.Create(CultureInfo.InvariantCulture,
            $"discord: ack from frame written by the fake (its send queue left out): n={values.Count}, p50 {ResultRow.Percentile(values, 0.50):0.0} ms, p99 {ResultRow.Percentile(values, 0.99):0.0} ms, max {ResultRow.Percentile(values, 1.0):0.0} ms; time in the fake's send queue: p50 {ResultRow.Percentile(queued, 0.50):0.0} ms, max {ResultRow.Percentile(queued, 1.0):0.0} ms");
    }

    /// <summary>Events and answers per process: process i runs shard i, which Discord picks as (guild_id &gt;&gt; 22) % N.</summary>
    private string DescribeShards(IReadOnlyList<Pending> pending)
    {
        var processes = meter.Count;
        var perShard = Enumerable.Range(0, processes).Select(shard =>
        {
            var mine = pending.Where(p => DiscordIds.Shard(DiscordIds.Guild(p.Index, options.Guilds), processes) == shard).ToList();
            return string.Create(CultureInfo.InvariantCulture, $"process {shard + 1} (shard {shard}) {mine.Count} / {mine.Count(p => p.ToOutcome() is { AnsweredAt: not null, Refused: false })}");
        });
        return string.Create(CultureInfo.InvariantCulture,
            $"events routed by the fake to the shard of their guild ((guild_id >> 22) % {processes}, {options.Guilds} guilds); received / answered per process: {string.Join(", ", perShard)}");
    }

    private sealed record QuizTarget(string CustomId, string MessageId);

    private sealed record InterviewTarget(string ThreadId, string AnswerText);

    private sealed class Pending(int index, LoadKind kind, FakeInteraction? interaction, Task<SeenAnswer> answer)
    {
        public int Index { get; } = index;

        public Task<SeenAnswer> Answer { get; } = answer;

        public double? WireToAckMs => interaction is { AcknowledgedAt: { } at, SentAt: { } sent } ? (at - sent).TotalMilliseconds : null;

        public double? QueuedMs => interaction is { SentAt: { } sent } ? (sent - interaction.DispatchedAt).TotalMilliseconds : null;

        public Outcome ToOutcome()
        {
            double? ack = interaction?.AcknowledgedAt is { } at ? (at - interaction.DispatchedAt).TotalMilliseconds : null;
            var seen = Answer.IsCompletedSuccessfully ? Answer.Result : null;
            return new Outcome(kind, interaction is not null, ack, seen?.At, seen?.Refused ?? false);
        }
    }
}

/// <summary>The quizzes or interviews a burst continues could not be started: the run stops, nothing is measured.</summary>
internal sealed class SetupException(string message) : Exception(message);
