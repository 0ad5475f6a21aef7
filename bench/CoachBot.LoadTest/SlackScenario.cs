using System.Diagnostics;
using System.Globalization;
using CoachBot.Testing.FakeSlack;

namespace CoachBot.LoadTest;

/// <summary>
/// Sends <c>/ask</c> as slash_commands envelopes over the fake Socket Mode socket, all at once, from distinct members
/// (each command in its own channel, so Slack's one-message-per-second-per-channel pacing does not serialise the answers).
/// The ack latency is the fake's record: envelope written → ack with that envelope_id received. An envelope counts as
/// answered when the bot posts in its channel (chat.postMessage / chat.postEphemeral) or to its response_url.
/// </summary>
internal static class SlackScenario
{
    public static async Task<ScenarioResult> RunAsync(FakeSlackServer slack, LoadTestOptions options, BotSideAckLatencies botSide)
    {
        // Warm-up (JIT, connection pools, first retrieval index build): one command answered end to end, not measured.
        var warm = Envelope(slack, options.Interactions + 1, options.Interactions + 1, Questions.For(0));
        await slack.SendEnvelopeAsync("slash_commands", warm.Payload);
        await slack.WaitUntilAsync(s => AnswerTimes.Of(s).Find(warm.Channel, warm.ResponseUrl) is not null, TimeSpan.FromSeconds(60), "the warm-up answer");
        var sample = AnswerText(slack, warm.Channel, warm.ResponseUrl);

        var prepared = Enumerable.Range(0, options.Interactions)
            .Select(i => Envelope(slack, i % options.EffectiveMembers, i, Questions.For(i)))
            .ToList();
        botSide.Reset("slack");
        var started = DateTimeOffset.UtcNow;
        var ids = await Task.WhenAll(prepared.Select(p => slack.SendEnvelopeAsync("slash_commands", p.Payload)));
        var answered = await Poll.UntilAsync(
            () =>
            {
                var answers = AnswerTimes.Of(slack);
                return prepared.All(p => answers.Find(p.Channel, p.ResponseUrl) is not null);
            },
            TimeSpan.FromSeconds(options.TimeoutSeconds));
        if (!answered)
        {
            await Console.Error.WriteLineAsync($"slack: timed out after {options.TimeoutSeconds} s waiting for answers");
        }

        var sentAt = slack.Envelopes.ToDictionary(e => e.EnvelopeId, e => e.Timestamp, StringComparer.Ordinal);
        var idSet = ids.ToHashSet(StringComparer.Ordinal);
        var acks = slack.Acks.Where(a => idSet.Contains(a.EnvelopeId))
            .GroupBy(a => a.EnvelopeId, StringComparer.Ordinal)
            .Select(g => Stopwatch.GetElapsedTime(sentAt[g.Key], g.Min(a => a.Timestamp)))
            .ToList();
        var final = AnswerTimes.Of(slack);
        var answerTimes = prepared.Select(p => final.Find(p.Channel, p.ResponseUrl)).OfType<DateTimeOffset>().ToList();
        var last = answerTimes.Count == 0 ? started : answerTimes.Max();
        return new ScenarioResult(
            "slack",
            ids.Length,
            acks.Count,
            acks.Count(a => a < ScenarioResult.AckDeadline),
            answerTimes.Count,
            acks.Select(a => a.TotalMilliseconds).ToList(),
            botSide.Of("slack"),
            last - started,
            sample);
    }

    private static PreparedEnvelope Envelope(FakeSlackServer slack, int member, int index, string question)
    {
        var user = "U" + (100000 + member).ToString(CultureInfo.InvariantCulture);
        var channel = "C" + (100000 + index).ToString(CultureInfo.InvariantCulture);
        var responseUrl = slack.CreateResponseUrl();
        return new PreparedEnvelope(channel, responseUrl, FakeSlackPayloads.SlashCommand("/ask", question, user, channel, responseUrl));
    }

    private static string AnswerText(FakeSlackServer slack, string channel, string responseUrl) =>
        slack.Calls.FirstOrDefault(c => c.Ok && c.Field("channel") == channel)?.Body.ToJsonString()
        ?? slack.ResponsePosts.FirstOrDefault(p => responseUrl.EndsWith(p.ResponseUrlId, StringComparison.Ordinal))?.Body.ToJsonString()
        ?? string.Empty;

    /// <summary>First answer per channel (chat.postMessage / chat.postEphemeral) and per response_url id.</summary>
    private sealed class AnswerTimes
    {
        private readonly Dictionary<string, DateTimeOffset> _byChannel = new(StringComparer.Ordinal);
        private readonly Dictionary<string, DateTimeOffset> _byResponseUrl = new(StringComparer.Ordinal);

        public static AnswerTimes Of(FakeSlackServer slack)
        {
            var times = new AnswerTimes();
            foreach (var call in slack.Calls)
            {
                if (call.Ok && call.Method is "chat.postMessage" or "chat.postEphemeral" && call.Field("channel") is { } channel)
                {
                    Keep(times._byChannel, channel, call.ReceivedAt);
                }
            }

            foreach (var post in slack.ResponsePosts)
            {
                Keep(times._byResponseUrl, post.ResponseUrlId, post.ReceivedAt);
            }

            return times;
        }

        public DateTimeOffset? Find(string channel, string responseUrl)
        {
            if (_byChannel.TryGetValue(channel, out var posted))
            {
                return posted;
            }

            var id = responseUrl[(responseUrl.LastIndexOf('/') + 1)..];
            return _byResponseUrl.TryGetValue(id, out var viaUrl) ? viaUrl : null;
        }

        private static void Keep(Dictionary<string, DateTimeOffset> times, string key, DateTimeOffset at)
        {
            if (!times.TryGetValue(key, out var first) || at < first)
            {
                times[key] = at;
            }
        }
    }

    private sealed record PreparedEnvelope(string Channel, string ResponseUrl, System.Text.Json.Nodes.JsonObject Payload);
}
