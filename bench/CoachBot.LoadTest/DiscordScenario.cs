using System.Globalization;
using System.Text.Json.Nodes;
using CoachBot.Testing.FakeDiscord;

namespace CoachBot.LoadTest;

/// <summary>
/// Fires /ask INTERACTION_CREATE dispatches over the fake gateway, all at once, from distinct members; the ack latency
/// is the fake's record: dispatch sent → interaction callback received. An interaction counts as answered when the
/// bot edits its original response (or posts a follow-up) through the interaction webhook.
/// </summary>
internal static class DiscordScenario
{
    private const long FirstUserId = 700_000_000_000_000_000;

    public static async Task<ScenarioResult> RunAsync(FakeDiscordServer discord, LoadTestOptions options, BotSideAckLatencies botSide)
    {
        // Warm-up (JIT, connection pools, first retrieval index build): one interaction answered end to end, not measured.
        var warm = await discord.SendInteractionAsync(Ask(Questions.For(0), FirstUserId - 1));
        await discord.WaitUntilAsync(() => AnswerTimes(discord).ContainsKey(warm.Token), "the warm-up answer", TimeSpan.FromSeconds(60));
        var sample = AnswerContent(discord, warm.Token);

        botSide.Reset("discord");
        var started = DateTimeOffset.UtcNow;
        var sent = await Task.WhenAll(Enumerable.Range(0, options.Interactions).Select(i =>
            discord.SendInteractionAsync(Ask(Questions.For(i), FirstUserId + (i % options.EffectiveMembers)))));
        var tokens = sent.Select(i => i.Token).ToHashSet(StringComparer.Ordinal);
        if (!await Poll.UntilAsync(() => AnswerTimes(discord).Keys.Count(tokens.Contains) == tokens.Count, TimeSpan.FromSeconds(options.TimeoutSeconds)))
        {
            await Console.Error.WriteLineAsync($"discord: timed out after {options.TimeoutSeconds} s waiting for answers");
        }

        var answers = AnswerTimes(discord).Where(a => tokens.Contains(a.Key)).ToList();
        var latencies = sent.Where(i => i.AcknowledgedAt is not null)
            .Select(i => (i.AcknowledgedAt!.Value - i.DispatchedAt).TotalMilliseconds)
            .ToList();
        var inTime = sent.Count(i => i.AcknowledgedAt is { } at && at - i.DispatchedAt < ScenarioResult.AckDeadline);
        var lastAnswer = answers.Count == 0 ? started : answers.Max(a => a.Value);
        return new ScenarioResult("discord", sent.Length, latencies.Count, inTime, answers.Count, latencies, botSide.Of("discord"), lastAnswer - started, sample);
    }

    private static JsonObject Ask(string question, long userId) =>
        FakeDiscordEvents.SlashCommand(
            "ask",
            new JsonArray(FakeDiscordEvents.Option("question", question)),
            userId: userId.ToString(CultureInfo.InvariantCulture));

    /// <summary>Interaction token → first successful write through its webhook (edit of @original or a follow-up).</summary>
    private static Dictionary<string, DateTimeOffset> AnswerTimes(FakeDiscordServer discord)
    {
        var times = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var request in discord.Requests)
        {
            if (request.Status >= 300 || request.Method is not ("PATCH" or "POST") || WebhookToken(request.Path) is not { } token)
            {
                continue;
            }

            if (!times.TryGetValue(token, out var first) || request.ReceivedAt < first)
            {
                times[token] = request.ReceivedAt;
            }
        }

        return times;
    }

    private static string AnswerContent(FakeDiscordServer discord, string token) =>
        discord.Requests.FirstOrDefault(r => r.Status < 300 && WebhookToken(r.Path) == token)?.Body?.ToJsonString() ?? string.Empty;

    // /api/v10/webhooks/{application}/{token}[/messages/{id}]
    private static string? WebhookToken(string path)
    {
        var parts = path.Split('/');
        return parts.Length >= 6 && parts[3] == "webhooks" ? parts[5] : null;
    }
}
