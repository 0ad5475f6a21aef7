namespace CoachBot.Slack.Tests.SocketMode;

/// <summary>Slash commands, quiz buttons (owner, someone else, forged) and forms through Socket Mode.</summary>
public sealed class SlackCommandAndButtonTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task SlashCommand_TextParsedWithCoreParser_AnsweredPubliclyInChannel()
    {
        await using var harness = await SlackAdapterHarness.StartSocketModeAsync();
        var fake = harness.Fake;

        await fake.SendEnvelopeAsync("slash_commands", FakeSlackPayloads.SlashCommand("/quiz", "databases 3", "U222", "C111", fake.CreateResponseUrl()));
        var post = await fake.WaitForCallAsync("chat.postMessage", c => c.Ok);

        var request = Assert.Single(harness.Coach.Seen<CommandRequest>());
        Assert.Equal("quiz", request.Command);
        Assert.Equal("databases", request.Option("skill"));
        Assert.Equal(3, request.IntOption("questions"));
        Assert.Null(post.Field("thread_ts"));
        var buttons = FakeSlackBlocks.Buttons(post.Blocks).ToList();
        Assert.Equal(["quiz:s1:0:A", "quiz:s1:0:B", "quiz:s1:0:skip"], buttons.Select(b => b.Value));
        Assert.Equal(["btn_0", "btn_1", "btn_2"], buttons.Select(b => b.ActionId));
        Assert.Equal(["primary", null, "danger"], buttons.Select(b => b.Style));
    }

    [Fact]
    public async Task SlashCommand_WithBadArguments_GetsThePrivateUsageLine()
    {
        await using var harness = await SlackAdapterHarness.StartSocketModeAsync();
        var fake = harness.Fake;

        await fake.SendEnvelopeAsync("slash_commands", FakeSlackPayloads.SlashCommand("/quiz", "databases many", "U222", "C111", fake.CreateResponseUrl()));
        var response = await fake.WaitForResponsePostAsync();

        Assert.Equal("ephemeral", response.ResponseType);
        // The required skill is shown as <skill>, which Slack's text escaping turns into entities.
        Assert.Contains("Usage: `/quiz ", response.AllText, StringComparison.Ordinal);
        Assert.Contains("skill", response.AllText, StringComparison.Ordinal);
        Assert.Contains(" [questions]`", response.AllText, StringComparison.Ordinal);
        Assert.Empty(harness.Coach.Seen<CommandRequest>());
        Assert.Empty(fake.CallsTo("chat.postMessage"));
    }

    [Fact]
    public async Task UnknownSlashCommand_IsAnsweredByTheDispatcher()
    {
        await using var harness = await SlackAdapterHarness.StartSocketModeAsync();
        var fake = harness.Fake;

        await fake.SendEnvelopeAsync("slash_commands", FakeSlackPayloads.SlashCommand("/frobnicate", "", "U222", "C111", fake.CreateResponseUrl()));
        var response = await fake.WaitForResponsePostAsync();

        Assert.Contains("I don't know the command `/frobnicate`", response.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublicAnswer_InAChannelTheBotIsNotIn_FallsBackToTheResponseUrl()
    {
        await using var harness = await SlackAdapterHarness.StartSocketModeAsync();
        var fake = harness.Fake;
        fake.FailNext("chat.postMessage", "not_in_channel");

        await fake.SendEnvelopeAsync("slash_commands", FakeSlackPayloads.SlashCommand("/ask", "what is a queue?", "U222", "C999", fake.CreateResponseUrl()));
        var response = await fake.WaitForResponsePostAsync();

        Assert.Equal("in_channel", response.ResponseType);
        Assert.Contains("what is a queue?", response.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QuizButton_ByTheOwner_UpdatesTheQuestionInPlace()
    {
        await using var harness = await SlackAdapterHarness.StartSocketModeAsync();
        var fake = harness.Fake;
        await fake.SendEnvelopeAsync("slash_commands", FakeSlackPayloads.SlashCommand("/quiz", "databases", "U222", "C111", fake.CreateResponseUrl()));
        var question = await fake.WaitForCallAsync("chat.postMessage", c => c.Ok);
        var ts = fake.Messages.Single(m => m.Channel == "C111").Ts;

        await fake.SendEnvelopeAsync("interactive", FakeSlackPayloads.BlockAction("U222", "C111", ts, FakeSlackBlocks.Buttons(question.Blocks).First().Value, fake.CreateResponseUrl()));
        var update = await fake.WaitForCallAsync("chat.update", c => c.Ok);

        Assert.Equal(ts, update.Field("ts"));
        Assert.Contains("Correct!", fake.FindMessage("C111", ts)!.AllText, StringComparison.Ordinal);
        // The answered question shows the choice as text: Slack buttons cannot be disabled.
        Assert.Empty(FakeSlackBlocks.Buttons(update.Blocks));
    }

    [Fact]
    public async Task QuizButton_BySomeoneElse_GetsAPrivateRefusal_AndTheQuestionIsUntouched()
    {
        await using var harness = await SlackAdapterHarness.StartSocketModeAsync();
        var fake = harness.Fake;
        await fake.SendEnvelopeAsync("slash_commands", FakeSlackPayloads.SlashCommand("/quiz", "databases", "U222", "C111", fake.CreateResponseUrl()));
        var question = await fake.WaitForCallAsync("chat.postMessage", c => c.Ok);
        var ts = fake.Messages.Single(m => m.Channel == "C111").Ts;

        await fake.SendEnvelopeAsync("interactive", FakeSlackPayloads.BlockAction("U333", "C111", ts, FakeSlackBlocks.Buttons(question.Blocks).First().Value, fake.CreateResponseUrl()));
        var refusal = await fake.WaitForResponsePostAsync();

        Assert.Equal("ephemeral", refusal.ResponseType);
        Assert.False(refusal.ReplaceOriginal);
        Assert.Contains("belongs to someone else", refusal.AllText, StringComparison.Ordinal);
        Assert.Empty(fake.CallsTo("chat.update"));
    }

    [Fact]
    public async Task ForgedButtonValue_IsRefusedByTheDispatcher_Privately()
    {
        await using var harness = await SlackAdapterHarness.StartSocketModeAsync();
        var fake = harness.Fake;
        var source = fake.SeedMessage("C111");

        await fake.SendEnvelopeAsync("interactive", FakeSlackPayloads.BlockAction("U222", "C111", source.Ts, "quiz:../../etc:<!channel>", fake.CreateResponseUrl()));
        var refusal = await fake.WaitForResponsePostAsync();

        Assert.Equal("ephemeral", refusal.ResponseType);
        Assert.Contains("isn't one I recognise", refusal.AllText, StringComparison.Ordinal);
        Assert.Empty(harness.Coach.Seen<ButtonRequest>());
    }

    [Fact]
    public async Task FormReply_OpensAModal_AndItsSubmissionReachesTheFormHandler()
    {
        await using var harness = await SlackAdapterHarness.StartSocketModeAsync();
        var fake = harness.Fake;

        await fake.SendEnvelopeAsync("slash_commands", FakeSlackPayloads.SlashCommand("/submit", "", "U222", "C111", fake.CreateResponseUrl()));
        var open = await fake.WaitForCallAsync("views.open", c => c.Ok);
        var view = open.Body["view"]!;
        await fake.SendEnvelopeAsync("interactive", FakeSlackPayloads.ViewSubmission(
            "U222", (string)view["callback_id"]!, (string)view["private_metadata"]!, new Dictionary<string, string> { ["answer"] = "use an index" }));
        var post = await fake.WaitForCallAsync("chat.postMessage", c => c.Ok);

        Assert.Equal(StandInSubmitCommand.FormId, (string?)view["callback_id"]);
        Assert.Equal("answer", (string?)view["blocks"]![0]!["block_id"]);
        var submitted = Assert.Single(harness.Coach.Seen<FormSubmitRequest>());
        Assert.Equal("use an index", submitted.Fields["answer"]);
        Assert.Equal("C111", post.Field("channel"));
        Assert.Contains(StandInSubmitCommand.Received, string.Join('\n', FakeSlackBlocks.Texts(post.Blocks)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FormReply_WhenTheModalCannotOpen_SendsTheFallbackText()
    {
        await using var harness = await SlackAdapterHarness.StartSocketModeAsync();
        var fake = harness.Fake;
        fake.FailNext("views.open", "expired_trigger_id");

        await fake.SendEnvelopeAsync("slash_commands", FakeSlackPayloads.SlashCommand("/submit", "", "U222", "C111", fake.CreateResponseUrl()));
        var response = await fake.WaitForResponsePostAsync();

        // The form was offered privately, so its fallback goes back privately to the one who asked.
        Assert.Equal("ephemeral", response.ResponseType);
        Assert.Contains("Type `/submit ", response.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LongReply_IsSplitIntoMessagesSlackAccepts()
    {
        await using var harness = await SlackAdapterHarness.StartSocketModeAsync();
        var fake = harness.Fake;

        await fake.SendEnvelopeAsync("slash_commands", FakeSlackPayloads.SlashCommand("/long", "120", "U222", "C111", fake.CreateResponseUrl()));
        await fake.WaitUntilAsync(f => f.CallsTo("chat.postMessage").Count >= 2 && f.Messages.Sum(m => m.AllText.Length) > 40_000, Guard, "all parts");

        Assert.All(fake.CallsTo("chat.postMessage"), c => Assert.True(c.Ok, c.Error));
        Assert.Contains("Paragraph 120:", string.Join('\n', fake.Messages.Select(m => m.AllText)), StringComparison.Ordinal);
    }
}
