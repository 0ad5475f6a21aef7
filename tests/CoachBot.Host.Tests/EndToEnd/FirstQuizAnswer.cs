using CoachBot.Coaching.Quiz.Bank;
using CoachBot.Storage.Quiz;

namespace CoachBot.Host.Tests.EndToEnd;

/// <summary>
/// A member starts <c>/quiz databases 3</c> on a platform through the real host and answers the first question wrong
/// (found from the quiz session the buttons belong to), so the host stores a quiz answer and a review item due at once.
/// </summary>
internal static class FirstQuizAnswer
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    public static async Task MissOnDiscordAsync(FakeDiscordServer discord, RealHost host)
    {
        var quiz = await discord.SendInteractionAsync(FakeDiscordEvents.SlashCommand("quiz",
            [FakeDiscordEvents.Option("skill", "databases"), FakeDiscordEvents.Option("questions", 3)]));
        var question = await discord.WaitForRequestAsync(r => r.Method == "PATCH" && r.Path.Contains(quiz.Token, StringComparison.Ordinal), "the question", Guard);
        var ids = question.Body!["components"]!.AsArray()
            .SelectMany(row => row!["components"]!.AsArray())
            .Select(button => button!["custom_id"]!.GetValue<string>())
            .ToList();
        var click = await discord.SendInteractionAsync(FakeDiscordEvents.ButtonClick(await WrongAnswerAsync(host, ids)));
        await discord.WaitForRequestAsync(r => r.Method == "PATCH" && r.Path.Contains(click.Token, StringComparison.Ordinal), "the next question", Guard);
    }

    public static async Task MissOnSlackAsync(FakeSlackServer slack, RealHost host, string member, string channel)
    {
        await slack.SendEnvelopeAsync("slash_commands", FakeSlackPayloads.SlashCommand("/quiz", "databases 3", member, channel, slack.CreateResponseUrl()));
        var question = await slack.WaitForCallAsync("chat.postMessage", c => c.Ok && FakeSlackBlocks.Buttons(c.Blocks).Any(), Guard);
        var posted = slack.Messages.Single(m => m.Channel == channel && FakeSlackBlocks.Buttons(m.Blocks).Any());
        var buttons = FakeSlackBlocks.Buttons(question.Blocks).ToList();
        var wrong = await WrongAnswerAsync(host, [.. buttons.Select(b => b.Value)]);
        var button = buttons.Single(b => b.Value == wrong);
        await slack.SendEnvelopeAsync("interactive", FakeSlackPayloads.BlockAction(member, channel, posted.Ts, button.Value, slack.CreateResponseUrl(), button.ActionId));
        await slack.WaitForCallAsync("chat.update", c => c.Ok && c.Field("ts") == posted.Ts, Guard);
    }

    private static async Task<string> WrongAnswerAsync(RealHost host, List<string> answerIds)
    {
        var session = answerIds[0].Split(':')[1];
        var asked = (await host.Services.GetRequiredService<IQuizStore>().FindAsync(session, CancellationToken.None))!.QuestionIdList()[0];
        var correct = host.Services.GetRequiredService<QuizBank>().FindQuestion(asked)!.ForSession(session).CorrectIndex;
        return answerIds[(correct + 1) % answerIds.Count];
    }
}
