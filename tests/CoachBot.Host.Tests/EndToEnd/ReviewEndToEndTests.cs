using System.Buffers.Binary;
using CoachBot.Coaching.Quiz.Bank;
using CoachBot.Coaching.Review;
using CoachBot.Core.Conversations;
using CoachBot.Storage.Quiz;

namespace CoachBot.Host.Tests.EndToEnd;

/// <summary>
/// The learning loop on Discord through the real host: the questions missed in <c>/quiz</c> come back at once in
/// <c>/review</c> (privately, with the quiz's answer buttons), an answer is rescheduled, and <c>/progress</c> uploads
/// the competency chart as a PNG attachment.
/// </summary>
public sealed class ReviewEndToEndTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Discord_MissedQuestionsComeBackInReview_AndProgressUploadsTheChart()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        await using var host = await PrivateRefusalsEndToEndTests.StartDiscordHostAsync(discord);
        var bank = host.Services.GetRequiredService<QuizBank>();
        var quizzes = host.Services.GetRequiredService<IQuizStore>();

        var quiz = await discord.SendInteractionAsync(FakeDiscordEvents.SlashCommand("quiz",
            [FakeDiscordEvents.Option("skill", "databases"), FakeDiscordEvents.Option("questions", 3)]));
        var message = await discord.WaitForRequestAsync(r => r.Method == "PATCH" && r.Path.Contains(quiz.Token, StringComparison.Ordinal), "the first question", Guard);
        for (var i = 0; i < 3; i++)
        {
            var ids = CustomIds(message);
            var session = ids[0].Split(':')[1];
            var asked = (await quizzes.FindAsync(session, CancellationToken.None))!.QuestionIdList()[i];
            var correct = bank.FindQuestion(asked)!.ForSession(session).CorrectIndex;
            var click = await discord.SendInteractionAsync(FakeDiscordEvents.ButtonClick(ids[(correct + 1) % ids.Count]));
            message = await discord.WaitForRequestAsync(r => r.Method == "PATCH" && r.Path.Contains(click.Token, StringComparison.Ordinal), "the answer", Guard);
        }

        Assert.Contains("Score: 0/3", message.Content, StringComparison.Ordinal);

        var review = await discord.SendInteractionAsync(FakeDiscordEvents.SlashCommand("review"));
        var question = await discord.WaitForRequestAsync(r => r.Method == "PATCH" && r.Path.Contains(review.Token, StringComparison.Ordinal), "the review question", Guard);
        Assert.True(review.RespondedPrivately, "/review is deferred with flags 64");
        Assert.Contains("Review · 3 to go", question.Content, StringComparison.Ordinal);
        var reviewButtons = CustomIds(question);
        Assert.Equal(4, reviewButtons.Count);
        Assert.All(reviewButtons, id => Assert.StartsWith("review:q:", id, StringComparison.Ordinal));

        var answer = await discord.SendInteractionAsync(FakeDiscordEvents.ButtonClick(reviewButtons[0]));
        var next = await discord.WaitForRequestAsync(r => r.Method == "PATCH" && r.Path.Contains(answer.Token, StringComparison.Ordinal), "the rescheduled item", Guard);
        Assert.Contains("Next review of this one: in 1 day", next.Content, StringComparison.Ordinal);
        Assert.Contains("Review · 2 to go", next.Content, StringComparison.Ordinal);

        var progress = await discord.SendInteractionAsync(FakeDiscordEvents.SlashCommand("progress"));
        var withChart = await discord.WaitForRequestAsync(r => r.Path.Contains(progress.Token, StringComparison.Ordinal) && r.Files.Count > 0, "the chart", Guard);
        Assert.Equal(200, withChart.Status);
        var file = Assert.Single(withChart.Files);
        Assert.Equal(("files[0]", "progress.png", "image/png"), (file.Field, file.FileName, file.ContentType));
        Assert.Equal(0x89, file.Content[0]);
        Assert.Equal(800, BinaryPrimitives.ReadInt32BigEndian(file.Content.AsSpan(16, 4))); // IHDR width
        Assert.Contains("Relational databases and SQL", withChart.Body!["attachments"]![0]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        var text = string.Join('\n', discord.RequestsTo("PATCH", progress.Token).Concat(discord.RequestsTo("POST", progress.Token)).Select(r => r.Content));
        Assert.Contains("**Competency map**", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Slack_ReviewAsksPrivately_AClickReschedules_AndProgressShowsTheUploadedChartInAnImageBlock()
    {
        await using var slack = await FakeSlackServer.StartAsync();
        await using var host = await PrivateRefusalsEndToEndTests.StartSlackHostAsync(slack);
        var bank = host.Services.GetRequiredService<QuizBank>();
        var member = new CommandContext
        {
            User = new UserIdentity(ChatPlatform.Slack, "U222", "ada"),
            Conversation = new ConversationKey(ChatPlatform.Slack, slack.Options.TeamId, "C111"),
        };
        var questions = bank.FindSkill("databases")!.Questions.Take(2).ToList();
        foreach (var question in questions)
        {
            await host.Services.GetRequiredService<IMissedItemRecorder>().QuizQuestionMissedAsync(member, question, CancellationToken.None);
        }

        await slack.SendEnvelopeAsync("slash_commands", FakeSlackPayloads.SlashCommand("/review", "", "U222", "C111", slack.CreateResponseUrl()));
        var asked = await slack.WaitForResponsePostAsync(p => FakeSlackBlocks.Buttons(p.Blocks).Any(), Guard);
        Assert.Equal("ephemeral", asked.ResponseType);
        Assert.Contains("Review · 2 to go", asked.AllText, StringComparison.Ordinal);
        var buttons = FakeSlackBlocks.Buttons(asked.Blocks).ToList();
        Assert.Equal(4, buttons.Count);
        Assert.All(buttons, b => Assert.StartsWith("review:q:", b.Value, StringComparison.Ordinal));

        var clickUrl = slack.CreateResponseUrl();
        await slack.SendEnvelopeAsync("interactive", FakeSlackPayloads.BlockAction("U222", "C111", slack.NextTs(), buttons[0].Value, clickUrl, buttons[0].ActionId, isEphemeral: true));
        var next = await slack.WaitForResponsePostAsync(p => p.ReplaceOriginal && p.AllText.Contains("Next review of this one", StringComparison.Ordinal), Guard);
        Assert.Contains("Review · 1 to go", next.AllText, StringComparison.Ordinal);

        await slack.SendEnvelopeAsync("slash_commands", FakeSlackPayloads.SlashCommand("/progress", "", "U222", "C111", slack.CreateResponseUrl()));
        var progress = await slack.WaitForResponsePostAsync(p => p.Blocks.Any(b => (string?)b?["type"] == "image"), Guard);
        var image = progress.Blocks.Single(b => (string?)b?["type"] == "image")!;
        var file = slack.Files[(string?)image["slack_file"]?["id"] ?? ""];
        Assert.Equal("ephemeral", progress.ResponseType);
        Assert.True(file.Completed);
        Assert.Empty(file.SharedTo);
        Assert.Equal("progress.png", file.FileName);
        Assert.Equal(800, BinaryPrimitives.ReadInt32BigEndian(file.Content.AsSpan(16, 4)));
        Assert.Contains("Relational databases and SQL", (string?)image["alt_text"], StringComparison.Ordinal);
        Assert.Contains("Competency map", string.Join('\n', slack.ResponsePosts.Select(p => p.AllText)), StringComparison.Ordinal);
    }

    private static List<string> CustomIds(RecordedRequest message) =>
        message.Body!["components"]!.AsArray()
            .SelectMany(row => row!["components"]!.AsArray())
            .Select(button => button!["custom_id"]!.GetValue<string>())
            .ToList();
}
