namespace CoachBot.Discord.Tests.Interactions;

/// <summary>
/// Discord:MaxConcurrentInteractions bounds CPU work, not waits for the model (#16): with one work slot and the model
/// held, every question still reaches the model, and work that needs no model is answered meanwhile.
/// </summary>
public sealed class DiscordWorkSlotTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task ModelHeld_MoreQuestionsThanWorkSlots_AllAwaitTheModelAtOnceAndAQuizIsStillAnswered()
    {
        await using var test = await DiscordTestHost.StartAsync(settings => settings["Discord:MaxConcurrentInteractions"] = "1");
        test.Coach.HoldModel();

        var questions = new List<FakeInteraction>();
        for (var i = 0; i < 4; i++)
        {
            questions.Add(await test.Server.SendInteractionAsync(FakeDiscordEvents.SlashCommand(
                "ask", [FakeDiscordEvents.Option("question", "question " + i.ToString(CultureInfo.InvariantCulture))], userId: "30000000000000000" + i.ToString(CultureInfo.InvariantCulture))));
        }

        // Four questions through one work slot: each stepped out of it while it awaits the model.
        for (var i = 0; i < 4; i++)
        {
            Assert.True(await test.Coach.ModelAsked.WaitAsync(Guard), "every question reaches the model");
        }

        var quiz = await test.Server.SendInteractionAsync(FakeDiscordEvents.SlashCommand("quiz", [FakeDiscordEvents.Option("skill", "databases")]));
        await test.Server.WaitForRequestAsync(r => r.Method == "PATCH" && r.Path.Contains(quiz.Token, StringComparison.Ordinal), "the quiz");
        Assert.Equal(4, test.Coach.AwaitingModel);
        Assert.All(questions, q => Assert.Empty(test.Server.RequestsTo("PATCH", q.Token)));

        test.Coach.ReleaseModel();
        foreach (var question in questions)
        {
            await test.Server.WaitForRequestAsync(r => r.Method == "PATCH" && r.Path.Contains(question.Token, StringComparison.Ordinal), "every answer");
        }
    }
}
