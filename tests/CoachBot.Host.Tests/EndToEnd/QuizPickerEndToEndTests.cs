namespace CoachBot.Host.Tests.EndToEnd;

/// <summary>
/// <c>/quiz</c> alone, as a member sees it through the real host: a private skill picker (buttons, at most five a row on
/// Discord; an actions block on Slack); a click closes the picker and posts that quiz publicly for the clicker; another
/// member's click on the quiz's answer buttons is refused privately.
/// </summary>
public sealed class QuizPickerEndToEndTests
{
    private const string Owner = "U222";
    private const string Someone = "U333";
    private const string Channel = "C111";
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Discord_QuizAlone_ShowsAPrivatePicker_AClickStartsThatQuizPublicly_AndAnotherMembersAnswerIsRefusedPrivately()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        await using var host = await PrivateRefusalsEndToEndTests.StartDiscordHostAsync(discord);

        var command = await discord.SendInteractionAsync(FakeDiscordEvents.SlashCommand("quiz"));
        var picker = await discord.WaitForRequestAsync(r => r.Method == "PATCH" && r.Path.Contains(command.Token, StringComparison.Ordinal), "the picker", Guard);

        Assert.Equal(5, command.CallbackType);
        Assert.True(command.RespondedPrivately, "the picker is deferred with flags 64");
        var rows = picker.Body!["components"]!.AsArray();
        Assert.All(rows, row => Assert.InRange(row!["components"]!.AsArray().Count, 1, 5));
        var buttons = rows.SelectMany(row => row!["components"]!.AsArray()).ToList();
        Assert.Equal(15, buttons.Count); // 13 skills, surprise me, my weakest skill
        var databases = buttons.Single(b => b!["label"]!.GetValue<string>() == "Relational databases and SQL")!["custom_id"]!.GetValue<string>();

        var click = await discord.SendInteractionAsync(FakeDiscordEvents.ButtonClick(databases));
        var question = await discord.WaitForRequestAsync(
            r => r.Method == "POST" && r.Path.Contains("/webhooks/", StringComparison.Ordinal) && r.Path.Contains(click.Token, StringComparison.Ordinal), "the question", Guard);
        var closed = Assert.Single(discord.RequestsTo("PATCH", click.Token));

        Assert.Equal(6, click.CallbackType);
        Assert.Contains("Starting a quiz on **Relational databases and SQL**", closed.Content, StringComparison.Ordinal);
        Assert.Empty(closed.Body!["components"]!.AsArray());
        Assert.Null(question.Body!["flags"]);
        Assert.Contains("Quiz · Question 1/", question.Content, StringComparison.Ordinal);
        var answer = question.Body!["components"]![0]!["components"]![0]!["custom_id"]!.GetValue<string>();

        var other = await discord.SendInteractionAsync(FakeDiscordEvents.ButtonClick(answer, userId: FakeDiscordEvents.OtherUserId));
        var refusal = await discord.WaitForRequestAsync(
            r => r.Method == "POST" && r.Path.Contains("/webhooks/", StringComparison.Ordinal) && r.Path.Contains(other.Token, StringComparison.Ordinal), "the refusal", Guard);

        Assert.Equal(64, refusal.Body!["flags"]!.GetValue<int>());
        Assert.Contains("belongs to someone else", refusal.Content, StringComparison.Ordinal);
        Assert.Empty(discord.RequestsTo("PATCH", other.Token));
    }

    [Fact]
    public async Task Slack_QuizAlone_ShowsAPrivatePicker_AClickStartsThatQuizPublicly_AndAnotherMembersAnswerIsRefusedPrivately()
    {
        await using var slack = await FakeSlackServer.StartAsync();
        await using var host = await PrivateRefusalsEndToEndTests.StartSlackHostAsync(slack);

        await slack.SendEnvelopeAsync("slash_commands", FakeSlackPayloads.SlashCommand("/quiz", string.Empty, Owner, Channel, slack.CreateResponseUrl()));
        var picker = await slack.WaitForResponsePostAsync(p => FakeSlackBlocks.Buttons(p.Blocks).Any(), Guard);

        Assert.Equal("ephemeral", picker.ResponseType);
        Assert.Empty(slack.CallsTo("chat.postMessage"));
        Assert.All(picker.Blocks.Where(b => (string?)b!["type"] == "actions"), b => Assert.InRange(b!["elements"]!.AsArray().Count, 1, 25));
        var buttons = FakeSlackBlocks.Buttons(picker.Blocks).ToList();
        Assert.Equal(15, buttons.Count);
        var security = buttons.First(b => b.Label.StartsWith("Security", StringComparison.Ordinal));

        var clickUrl = slack.CreateResponseUrl();
        await slack.SendEnvelopeAsync("interactive", FakeSlackPayloads.BlockAction(Owner, Channel, slack.NextTs(), security.Value, clickUrl, security.ActionId, isEphemeral: true));
        var question = await slack.WaitForCallAsync("chat.postMessage", c => c.Ok && FakeSlackBlocks.Buttons(c.Blocks).Any(), Guard);
        var closed = await slack.WaitForResponsePostAsync(p => p.ReplaceOriginal, Guard);

        Assert.Contains("Starting a quiz on", closed.AllText, StringComparison.Ordinal);
        Assert.Empty(FakeSlackBlocks.Buttons(closed.Blocks));
        Assert.Equal(Channel, question.Field("channel"));
        var posted = slack.Messages.Single(m => m.Channel == Channel && m.EphemeralUser is null);
        var answer = FakeSlackBlocks.Buttons(question.Blocks).First();

        await slack.SendEnvelopeAsync("interactive", FakeSlackPayloads.BlockAction(Someone, Channel, posted.Ts, answer.Value, slack.CreateResponseUrl(), answer.ActionId));
        var refusal = await slack.WaitForResponsePostAsync(p => p.AllText.Contains("belongs to someone else", StringComparison.Ordinal), Guard);

        Assert.Equal("ephemeral", refusal.ResponseType);
        Assert.Empty(slack.CallsTo("chat.update"));
    }

    [Fact]
    public async Task Discord_InterviewWithoutATrack_ShowsAPrivateTrackPicker_AndAClickStartsThatInterviewPublicly()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        await using var host = await PrivateRefusalsEndToEndTests.StartDiscordHostAsync(discord);

        var command = await discord.SendInteractionAsync(FakeDiscordEvents.SlashCommand(
            "interview", [PrivateRefusalsEndToEndTests.Subcommand("start", FakeDiscordEvents.Option("level", "junior"))]));
        var picker = await discord.WaitForRequestAsync(r => r.Method == "PATCH" && r.Path.Contains(command.Token, StringComparison.Ordinal), "the track picker", Guard);

        Assert.True(command.RespondedPrivately);
        var buttons = picker.Body!["components"]!.AsArray().SelectMany(row => row!["components"]!.AsArray()).ToList();
        Assert.Equal(10, buttons.Count); // nine tracks and mixed
        var databases = buttons.Single(b => b!["label"]!.GetValue<string>() == "Databases")!["custom_id"]!.GetValue<string>();

        var click = await discord.SendInteractionAsync(FakeDiscordEvents.ButtonClick(databases));
        var question = await discord.WaitForRequestAsync(
            r => r.Method == "POST" && r.Path.Contains("/webhooks/", StringComparison.Ordinal) && r.Path.Contains(click.Token, StringComparison.Ordinal), "the first question", Guard);

        Assert.Null(question.Body!["flags"]);
        Assert.Contains("Question 1/", question.Content, StringComparison.Ordinal);
        Assert.Contains("Starting a mock interview on **databases**", Assert.Single(discord.RequestsTo("PATCH", click.Token)).Content, StringComparison.Ordinal);
    }
}
