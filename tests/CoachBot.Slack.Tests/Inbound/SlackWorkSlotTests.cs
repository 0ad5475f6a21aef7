namespace CoachBot.Slack.Tests.Inbound;

/// <summary>
/// Slack:MaxConcurrentRequests bounds CPU work, not waits for the model (#16): with one work slot and the model held,
/// every question still reaches the model, and work that needs no model is answered meanwhile.
/// </summary>
public sealed class SlackWorkSlotTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task ModelHeld_MoreQuestionsThanWorkSlots_AllAwaitTheModelAtOnceAndAQuizIsStillAnswered()
    {
        await using var harness = await SlackAdapterHarness.StartSocketModeAsync(new() { ["Slack:MaxConcurrentRequests"] = "1" });
        var fake = harness.Fake;
        harness.Coach.HoldModel();

        for (var i = 0; i < 4; i++)
        {
            var channel = "D00" + i.ToString(CultureInfo.InvariantCulture);
            await fake.SendEnvelopeAsync("events_api", FakeSlackPayloads.EventCallback(FakeSlackPayloads.Message("U22" + i.ToString(CultureInfo.InvariantCulture), "question " + i.ToString(CultureInfo.InvariantCulture), channel, fake.NextTs(), "im")));
        }

        // Four questions through one work slot: each stepped out of it while it awaits the model.
        for (var i = 0; i < 4; i++)
        {
            Assert.True(await harness.Coach.ModelAsked.WaitAsync(Guard), "every question reaches the model");
        }

        await fake.SendEnvelopeAsync("slash_commands", FakeSlackPayloads.SlashCommand("/quiz", "databases 3", "U999", "C111", fake.CreateResponseUrl()));
        var quiz = await fake.WaitForCallAsync("chat.postMessage", c => c.Ok && c.Field("channel") == "C111");
        Assert.Equal("C111", quiz.Field("channel"));
        Assert.Equal(4, harness.Coach.AwaitingModel);
        Assert.DoesNotContain(fake.CallsTo("chat.postMessage"), c => c.Field("channel")!.StartsWith('D'));

        harness.Coach.ReleaseModel();
        await fake.WaitUntilAsync(f => f.CallsTo("chat.postMessage").Count(c => c.Ok && c.Field("channel")!.StartsWith('D')) == 4, Guard, "every question answered");
    }
}
