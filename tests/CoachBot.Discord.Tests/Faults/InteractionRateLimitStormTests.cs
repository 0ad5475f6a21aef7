namespace CoachBot.Discord.Tests.Faults;

/// <summary>
/// A burst of interactions whose answers meet a storm of 429s (Discord:MaxRetries 3, so four attempts per call). Each
/// interaction's storm is scripted on its own token, so the outcome is exact: a short storm is waited out and the answer
/// delivered; one that outlasts the retries ends in the apology (the user still sees something, privately: the public
/// placeholder is deleted and the apology follows up with flags 64); one that also outlasts the apology's retries leaves
/// nothing possible to send and is logged as an error, without the token. No interaction costs more requests than its
/// storm forced.
/// </summary>
public sealed class InteractionRateLimitStormTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task BurstDuringA429Storm_AnswersWhatItCan_ApologisesPrivatelyWhereTheAnswerFails_AndNeverFloods()
    {
        await using var test = await DiscordTestHost.StartAsync();
        var commands = Enumerable.Range(0, 9).Select(Ask).ToList();
        // Per interaction: 2 429s on the edit (the answer gets through); 4 (the answer gives up, the apology gets
        // through); 4 on the edit and 4 on the follow-up (both give up).
        var kinds = commands.Select((_, i) => i % 3).ToList();
        var app = test.Server.Options.ApplicationId;
        for (var i = 0; i < commands.Count; i++)
        {
            for (var k = 0; k < (kinds[i] == 0 ? 2 : 4); k++)
            {
                test.Server.EnqueueRateLimit("PATCH", TokenOf(commands[i]), retryAfterSeconds: 0.02);
            }

            for (var k = 0; k < (kinds[i] == 2 ? 4 : 0); k++)
            {
                test.Server.EnqueueRateLimit("POST", $"/webhooks/{app}/{TokenOf(commands[i])}", retryAfterSeconds: 0.02);
            }
        }

        var sent = await Task.WhenAll(commands.Select(c => test.Server.SendInteractionAsync(c)));
        await test.Server.WaitUntilAsync(
            () => sent.Select((s, i) => kinds[i] switch
                {
                    0 => Edits(test, s).Count == 3 && test.Server.RequestsTo("POST", $"/messages/{s.OriginalMessageId}/threads").Count == 1,
                    1 => Followups(test, s).Count == 1,
                    _ => Followups(test, s).Count == 4,
                }).All(done => done),
            "every interaction to get through its storm",
            Guard);
        await WaitForLogAsync(test, "Could not send the apology", count: 3);

        for (var i = 0; i < sent.Length; i++)
        {
            var edits = Edits(test, sent[i]);
            var followups = Followups(test, sent[i]);
            Assert.Equal(5, sent[i].CallbackType);
            Assert.Single(test.Server.RequestsTo("POST", $"/interactions/{sent[i].Id}/"));
            Assert.Equal(kinds[i] == 0 ? 2 : 4, edits.Count(r => r.Status == 429));
            switch (kinds[i])
            {
                case 0:
                    Assert.StartsWith("**Indexes**\nAnswer to: q", Assert.Single(edits, r => r.Status == 200).Content, StringComparison.Ordinal);
                    Assert.Empty(followups);
                    break;
                case 1:
                    var apology = Assert.Single(followups);
                    Assert.Equal(200, apology.Status);
                    Assert.Contains("something went wrong", apology.Content, StringComparison.Ordinal);
                    Assert.Equal(64, apology.Body!["flags"]!.GetValue<int>());
                    Assert.True(sent[i].OriginalDeleted);
                    break;
                default:
                    Assert.DoesNotContain(edits, r => r.Status == 200);
                    Assert.Equal(4, followups.Count(r => r.Status == 429));
                    break;
            }
        }

        Assert.Equal(3, test.Logs.Entries.Count(e => e.Level == LogLevel.Error && e.Message.Contains("Could not send the apology", StringComparison.Ordinal)));
        Assert.DoesNotContain(test.Server.Options.Token, test.Logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("interaction-token-", test.Logs.AllText, StringComparison.Ordinal);
    }

    private static JsonObject Ask(int i)
    {
        var command = FakeDiscordEvents.SlashCommand(
            "ask",
            [FakeDiscordEvents.Option("question", "q" + i.ToString(CultureInfo.InvariantCulture))],
            userId: (620000000000000000 + i).ToString(CultureInfo.InvariantCulture));
        return command;
    }

    /// <summary>The token the fake gives an interaction (it keeps the id the builder chose).</summary>
    private static string TokenOf(JsonObject command) => "interaction-token-" + command["id"]!.GetValue<string>();

    private static List<RecordedRequest> Edits(DiscordTestHost test, FakeInteraction interaction) =>
        test.Server.RequestsTo("PATCH", interaction.Token).Where(r => r.Path.EndsWith("/messages/@original", StringComparison.Ordinal)).ToList();

    private static List<RecordedRequest> Followups(DiscordTestHost test, FakeInteraction interaction) =>
        test.Server.RequestsTo("POST", "/webhooks/").Where(r => r.Path.EndsWith(interaction.Token, StringComparison.Ordinal)).ToList();

    private static async Task WaitForLogAsync(DiscordTestHost test, string text, int count)
    {
        using var guard = new CancellationTokenSource(Guard);
        while (test.Logs.Entries.Count(e => e.Message.Contains(text, StringComparison.Ordinal)) < count)
        {
            // The log is the only signal that the last apology was given up; the guard bounds the wait.
            await Task.Delay(20, guard.Token);
        }
    }
}
