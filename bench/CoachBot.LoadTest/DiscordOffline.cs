using System.Globalization;
using CoachBot.Testing.FakeDiscord;

namespace CoachBot.LoadTest;

/// <summary>
/// Offline throughput: the bot has no LLM, so every /ask is answered from the guides (retrieval + the offline composer).
/// A closed loop keeps <c>--in-flight</c> interactions open: each worker dispatches an /ask over the gateway, waits for
/// its answer (the webhook edit), then sends the next, until <c>--interactions</c> have been sent. A tenth of that
/// (at most 500) goes first as an unmeasured warm-up. Answers/s = answered / (first dispatch → last answer).
/// </summary>
internal sealed class DiscordOffline(FakeDiscordServer discord, DiscordAnswers answers, LoadTestOptions options, BotMeters meter, BotMetrics metrics)
{
    public const string Platform = "discord";

    public async Task<PlatformRun> RunAsync()
    {
        var total = options.EffectiveInteractions;
        var warmUp = Math.Clamp(total / 10, 1, 500);
        meter.BeginPhase("warm-up");
        var warm = await RunLoopAsync(warmUp, firstIndex: total, TimeSpan.FromSeconds(options.TimeoutSeconds));
        if (warm.Any(o => o.AnsweredAt is null))
        {
            throw new SetupException(string.Create(CultureInfo.InvariantCulture,
                $"offline warm-up: {warm.Count(o => o.AnsweredAt is null)} of {warmUp} /ask not answered; is the bot stuck?"));
        }

        meter.BeginPhase(Platform);
        Progress.Say(string.Create(CultureInfo.InvariantCulture, $"discord: offline loop, {total} /ask, {options.InFlight} in flight"));
        var ackHistogram = await metrics.SnapshotAsync(Platform);
        var cpu = CpuWindow.Start(meter);
        var started = DateTimeOffset.UtcNow;
        var outcomes = await RunLoopAsync(total, firstIndex: 0, TimeSpan.FromSeconds(options.TimeoutSeconds));
        var cpuNote = cpu.Describe("the measured loop", total);
        var botSide = await BotSide.DescribeAsync(metrics, Platform, ackHistogram);
        var rows = new List<ResultRow>
        {
            ResultRow.From(Platform, string.Create(CultureInfo.InvariantCulture, $"/ask offline in {(options.AskInThread ? "threads" : "channels")}, {options.InFlight} in flight"), outcomes, started, meter.MaxRssMb(Platform)),
        };
        var notes = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"warm-up: {warmUp} /ask (same loop, not measured)"),
            "no LLM configured: answers are composed offline from the retrieved guide passages",
            "the bot works on at most Discord:MaxConcurrentInteractions interactions at once after acking (default 16); "
                + "interaction callbacks and webhook edits are exempt from its REST client's global 50 req/s limit",
            DiscordNotes.AskPlacement(options),
            cpuNote,
            botSide,
        };
        return new PlatformRun(Platform, rows, notes);
    }

    private async Task<List<Outcome>> RunLoopAsync(int count, int firstIndex, TimeSpan timeout)
    {
        var outcomes = new Outcome[count];
        var next = -1;
        var deadline = DateTimeOffset.UtcNow + timeout;
        var workers = Enumerable.Range(0, Math.Min(options.InFlight, count)).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var index = firstIndex + i;
                if (DateTimeOffset.UtcNow >= deadline)
                {
                    outcomes[i] = new Outcome(LoadKind.Ask, true, null, null, false);
                    continue;
                }

                var interaction = await discord.SendInteractionAsync(DiscordIds.Ask(
                    Questions.For(index),
                    DiscordIds.Member(index % options.EffectiveMembers),
                    DiscordIds.Guild(index, options.Guilds),
                    DiscordIds.Channel(index % 1000),
                    options.AskInThread));
                SeenAnswer? seen = null;
                try
                {
                    var remaining = deadline - DateTimeOffset.UtcNow;
                    seen = await answers.ForInteraction(interaction.Token).WaitAsync(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero);
                }
                catch (TimeoutException)
                {
                    // Counted as lost below.
                }

                double? ack = interaction.AcknowledgedAt is { } at ? (at - interaction.DispatchedAt).TotalMilliseconds : null;
                outcomes[i] = new Outcome(LoadKind.Ask, true, ack, seen?.At, seen?.Refused ?? false);
            }
        }).ToList();
        await Task.WhenAll(workers);
        return [.. outcomes];
    }
}
