using System.Diagnostics;
using System.Globalization;
using CoachBot.Testing.FakeDiscord;
using CoachBot.Testing.FakeSlack;

namespace CoachBot.LoadTest;

/// <summary>
/// Time to first visible text (<c>--first-text N</c>): N questions, one after another, on each platform, with the fake
/// model streaming its answer (first token after <c>--llm-delay-ms</c>, then <c>--tokens-per-second</c>). Measured from
/// the member's command as the fake sends it to the first text the platform fake receives: on Discord the first edit of
/// the /ask's deferred reply (PATCH @original), on Slack the message a mention's answer is streamed into
/// (chat.startStream, or chat.postMessage where streaming is refused). A slash command's /ask on Slack is ephemeral-style
/// and delivered once, so Slack is asked by mention. "complete" is the finished answer with its sources (Discord: the
/// edit carrying them; Slack: chat.stopStream or chat.update). One unmeasured question first warms each platform up.
/// </summary>
internal sealed class FirstTextRun(LoadTestOptions options)
{
    private readonly TimeSpan _timeout = TimeSpan.FromSeconds(options.TimeoutSeconds);

    public async Task<FirstTextRow> RunDiscordAsync(FakeDiscordServer discord)
    {
        var firsts = new List<double>();
        var completes = new List<double>();
        for (var i = -1; i < options.FirstText; i++)
        {
            var question = DiscordIds.Ask(Questions.For(Math.Abs(i)), DiscordIds.Member(Math.Abs(i)), DiscordIds.Guild(Math.Abs(i), options.Guilds), DiscordIds.Channel(Math.Abs(i)), options.AskInThread);
            var interaction = await discord.SendInteractionAsync(question);
            var edits = () => discord.Requests.Where(r => r.Method == "PATCH" && r.Status < 300 && r.Path.Contains(interaction.Token, StringComparison.Ordinal)).ToList();
            if (!await Poll.UntilAsync(() => edits().Any(e => (e.Content ?? string.Empty).Contains("**Sources**", StringComparison.Ordinal)), _timeout))
            {
                await Console.Error.WriteLineAsync("discord: no complete answer for a first-text question");
                continue;
            }

            if (i < 0)
            {
                continue;
            }

            var all = edits();
            firsts.Add((all.First(e => !string.IsNullOrWhiteSpace(e.Content?.Trim('\u200B'))).ReceivedAt - interaction.DispatchedAt).TotalMilliseconds);
            completes.Add((all.First(e => e.Content!.Contains("**Sources**", StringComparison.Ordinal)).ReceivedAt - interaction.DispatchedAt).TotalMilliseconds);
            Progress.Say(string.Create(CultureInfo.InvariantCulture, $"discord first text {i + 1}/{options.FirstText}: {firsts[^1]:0} ms"));
        }

        return new FirstTextRow("discord", "/ask (deferred reply edited)", options.FirstText, firsts, completes, options.LlmDelayMs);
    }

    public async Task<FirstTextRow> RunSlackAsync(FakeSlackServer slack)
    {
        var firsts = new List<double>();
        var completes = new List<double>();
        for (var i = -1; i < options.FirstText; i++)
        {
            var channel = "C" + (300_000 + i + 1).ToString(CultureInfo.InvariantCulture);
            var ts = slack.NextTs();
            var mention = FakeSlackPayloads.AppMention("U" + (100_000 + Math.Abs(i)).ToString(CultureInfo.InvariantCulture),
                $"<@{slack.Options.BotUserId}> {Questions.For(Math.Abs(i))}", channel, ts);
            var sent = Stopwatch.GetTimestamp();
            await slack.SendEnvelopeAsync("events_api", FakeSlackPayloads.EventCallback(mention));
            var calls = () => slack.Calls.Where(c => c.Ok && c.Field("channel") == channel).ToList();
            if (!await Poll.UntilAsync(() => calls().Any(IsComplete), _timeout))
            {
                await Console.Error.WriteLineAsync("slack: no complete answer for a first-text question");
                continue;
            }

            if (i < 0)
            {
                continue;
            }

            var all = calls();
            var first = all.First(c => c.Method is "chat.startStream" or "chat.postMessage");
            firsts.Add(Stopwatch.GetElapsedTime(sent, first.Timestamp).TotalMilliseconds);
            completes.Add(Stopwatch.GetElapsedTime(sent, all.First(IsComplete).Timestamp).TotalMilliseconds);
            Progress.Say(string.Create(CultureInfo.InvariantCulture, $"slack first text {i + 1}/{options.FirstText}: {firsts[^1]:0} ms ({first.Method})"));
        }

        return new FirstTextRow("slack", "mention (answer streamed in its thread)", options.FirstText, firsts, completes, options.LlmDelayMs);
    }

    private static bool IsComplete(FakeSlackApiCall call) =>
        call.Method is "chat.stopStream" or "chat.update"
        || (call.Method == "chat.postMessage" && call.Body.ToJsonString().Contains("Sources: [1]", StringComparison.Ordinal));

    /// <summary>Prints the first-text table (its own table: the burst's result table is unchanged).</summary>
    public static void Print(IReadOnlyList<FirstTextRow> rows, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("| platform | question | asked | first text p50 / p95 / max (ms) | first text − first-token delay p50 / max (ms) | complete answer p50 / max (ms) |");
        output.WriteLine("|---|---|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            var over = row.FirstTextMs.Select(ms => ms - row.FirstTokenDelayMs).ToList();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {row.Platform} | {row.Question} | {row.FirstTextMs.Count}/{row.Asked} | {P(row.FirstTextMs, 0.5)} / {P(row.FirstTextMs, 0.95)} / {P(row.FirstTextMs, 1)} | {P(over, 0.5)} / {P(over, 1)} | {P(row.CompleteMs, 0.5)} / {P(row.CompleteMs, 1)} |"));
        }
    }

    private static string P(IReadOnlyList<double> values, double p) =>
        values.Count == 0 ? "–" : ResultRow.Percentile(values, p).ToString("0", CultureInfo.InvariantCulture);
}

/// <summary>One platform's first-text figures, in milliseconds from the member's command.</summary>
internal sealed record FirstTextRow(string Platform, string Question, int Asked, IReadOnlyList<double> FirstTextMs, IReadOnlyList<double> CompleteMs, int FirstTokenDelayMs);
