using CoachBot.Storage.Feedback;

namespace CoachBot.Host.Tests.EndToEnd;

/// <summary>
/// 👍 / 👎 through the real host and the fake Discord: the answer carries the buttons, a 👎 is thanked privately and
/// offers the "what was wrong?" modal, the note is stored with the vote, a forged id is refused, and the moderator
/// report is private and refused to members.
/// </summary>
public sealed class FeedbackEndToEndTests
{
    private const string Question = "What should I learn first to become a backend developer?";
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Discord_AnswerCarriesThumbs_ADownVoteIsThankedPrivately_AndItsModalNoteIsStored()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        await using var host = await PrivateRefusalsEndToEndTests.StartDiscordHostAsync(discord);

        var ask = await discord.SendInteractionAsync(FakeDiscordEvents.SlashCommand("ask", [FakeDiscordEvents.Option("question", Question)]));
        var answer = await discord.WaitForRequestAsync(r => r.Method == "PATCH" && r.Path.Contains(ask.Token, StringComparison.Ordinal), "the answer", Guard);
        var ids = CustomIds(answer).Where(id => id.StartsWith("fb:", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, ids.Count);
        var down = ids.Single(id => id.StartsWith("fb:down:", StringComparison.Ordinal));

        var click = await discord.SendInteractionAsync(FakeDiscordEvents.ButtonClick(down, userId: FakeDiscordEvents.OtherUserId));
        await discord.WaitUntilAsync(() => FollowUps(discord, click).Count >= 2, "the thanks and the form offer", Guard);
        var followUps = FollowUps(discord, click);

        Assert.Equal(6, click.CallbackType);
        Assert.All(followUps, f => Assert.Equal(64, f.Body!["flags"]!.GetValue<int>()));
        Assert.Contains("Thanks for the 👎", followUps[0].Content, StringComparison.Ordinal);
        Assert.Empty(discord.RequestsTo("PATCH", click.Token));
        var open = Assert.Single(CustomIds(followUps[1]));

        var opened = await discord.SendInteractionAsync(FakeDiscordEvents.ButtonClick(open, userId: FakeDiscordEvents.OtherUserId));
        await discord.WaitUntilAsync(() => opened.CallbackType is not null, "the modal", Guard);
        Assert.Equal(9, opened.CallbackType);
        var modal = discord.RequestsTo("POST", "/callback").Single(r => r.Path.Contains(opened.Token, StringComparison.Ordinal));
        var formId = modal.Body!["data"]!["custom_id"]!.GetValue<string>();
        Assert.StartsWith("fb:why:", formId, StringComparison.Ordinal);

        var submit = await discord.SendInteractionAsync(FakeDiscordEvents.ModalSubmit(
            formId, new Dictionary<string, string> { ["what"] = "It never said which language to pick." }, userId: FakeDiscordEvents.OtherUserId));
        await discord.WaitUntilAsync(() => FollowUps(discord, submit).Count > 0 || discord.RequestsTo("PATCH", submit.Token).Count > 0, "the note's thanks", Guard);

        var answerId = down["fb:down:".Length..];
        var store = host.Services.GetRequiredService<IAnswerFeedbackStore>();
        var vote = await store.FindVoteAsync(answerId, "discord:" + FakeDiscordEvents.OtherUserId, CancellationToken.None);
        Assert.Equal(FeedbackVote.Down, vote!.Vote);
        Assert.Equal("It never said which language to pick.", vote.Comment);
        var record = await store.FindAnswerAsync(answerId, CancellationToken.None);
        Assert.Equal(Question, record!.Question);
        Assert.NotEmpty(record.Sources);
        Assert.NotEmpty(record.Scores);
        Assert.True(record.Offline);
        // The note was never posted anywhere public.
        Assert.DoesNotContain(discord.Requests, r => r.Content?.Contains("which language to pick", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Discord_ForgedFeedbackId_IsRefusedPrivately_AndTheReportIsForModeratorsOnly()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        await using var host = await PrivateRefusalsEndToEndTests.StartDiscordHostAsync(discord);
        var ask = await discord.SendInteractionAsync(FakeDiscordEvents.SlashCommand("ask", [FakeDiscordEvents.Option("question", Question)]));
        var answer = await discord.WaitForRequestAsync(r => r.Method == "PATCH" && r.Path.Contains(ask.Token, StringComparison.Ordinal), "the answer", Guard);
        var up = CustomIds(answer).Single(id => id.StartsWith("fb:up:", StringComparison.Ordinal));
        await discord.SendInteractionAsync(FakeDiscordEvents.ButtonClick(up));

        var forged = await discord.SendInteractionAsync(FakeDiscordEvents.ButtonClick("fb:up:0123456789abcdef"));
        await discord.WaitUntilAsync(() => FollowUps(discord, forged).Count > 0, "the refusal", Guard);
        var refusal = Assert.Single(FollowUps(discord, forged));
        Assert.Equal(64, refusal.Body!["flags"]!.GetValue<int>());
        Assert.Contains("isn't one I recognise", refusal.Content, StringComparison.Ordinal);

        var member = await discord.SendInteractionAsync(Report(FakeDiscordEvents.MemberPermissions));
        var moderator = await discord.SendInteractionAsync(Report(FakeDiscordEvents.ModeratorPermissions));
        await discord.WaitUntilAsync(() => member.CallbackType is not null, "the member's refusal", Guard);
        var report = await discord.WaitForRequestAsync(r => r.Method == "PATCH" && r.Path.Contains(moderator.Token, StringComparison.Ordinal), "the report", Guard);

        Assert.True(member.RespondedPrivately);
        Assert.Contains("only community moderators", member.CallbackContent, StringComparison.Ordinal);
        Assert.True(moderator.RespondedPrivately, "the report is deferred privately");
        Assert.Contains("👍 1 · 👎 0 · approval 100% of 1 vote", report.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Slack_AnswerCarriesFeedbackButtons_AClickIsThankedPrivately_AndTheModalNoteIsStored()
    {
        const string member = "U333";
        const string channel = "C111";
        await using var slack = await FakeSlackServer.StartAsync();
        await using var host = await PrivateRefusalsEndToEndTests.StartSlackHostAsync(slack);

        await slack.SendEnvelopeAsync("slash_commands", FakeSlackPayloads.SlashCommand("/ask", Question, "U111", channel, slack.CreateResponseUrl()));
        var answer = await slack.WaitForCallAsync("chat.postMessage", c => c.Ok && FakeSlackBlocks.FeedbackButtons(c.Blocks).Any(), Guard);
        var pair = Assert.Single(FakeSlackBlocks.FeedbackButtons(answer.Blocks));
        var posted = slack.Messages.First(m => m.Channel == channel && m.EphemeralUser is null);

        await slack.SendEnvelopeAsync("interactive", FakeSlackPayloads.FeedbackAction(member, channel, posted.Ts, pair.Negative, slack.CreateResponseUrl(), positive: false));
        var thanks = await slack.WaitForResponsePostAsync(p => p.AllText.Contains("Thanks for the 👎", StringComparison.Ordinal), Guard);
        var modal = await slack.WaitForCallAsync("views.open", c => c.Ok, Guard);

        Assert.Equal("ephemeral", thanks.ResponseType);
        var view = modal.Body["view"]!;
        var formId = view["callback_id"]!.GetValue<string>();
        Assert.Equal("fb:why:" + pair.Negative["fb:down:".Length..], formId);
        await slack.SendEnvelopeAsync("interactive", FakeSlackPayloads.ViewSubmission(
            member, formId, view["private_metadata"]!.GetValue<string>(), new Dictionary<string, string> { ["what"] = "Too generic for me." }));
        await slack.WaitForCallAsync("chat.postEphemeral", c => c.Ok && c.Body.ToJsonString().Contains("note is saved", StringComparison.Ordinal), Guard);

        var vote = await host.Services.GetRequiredService<IAnswerFeedbackStore>()
            .FindVoteAsync(pair.Negative["fb:down:".Length..], "slack:" + member, CancellationToken.None);
        Assert.Equal(FeedbackVote.Down, vote!.Vote);
        Assert.Equal("Too generic for me.", vote.Comment);
        Assert.DoesNotContain(slack.CallsTo("chat.postMessage"), c => c.Body.ToJsonString().Contains("Too generic", StringComparison.Ordinal));
    }

    private static JsonObject Report(string permissions)
    {
        var interaction = FakeDiscordEvents.SlashCommand("feedback", permissions: permissions);
        interaction["data"]!["options"] = new JsonArray(new JsonObject { ["name"] = "report", ["type"] = 1, ["options"] = new JsonArray() });
        return interaction;
    }

    private static List<RecordedRequest> FollowUps(FakeDiscordServer discord, FakeInteraction interaction) =>
        discord.RequestsTo("POST", "/webhooks/").Where(r => r.Path.EndsWith(interaction.Token, StringComparison.Ordinal)).ToList();

    private static IEnumerable<string> CustomIds(RecordedRequest message) =>
        (message.Body!["components"] as JsonArray ?? [])
            .SelectMany(row => row!["components"]!.AsArray())
            .Select(button => button!["custom_id"]!.GetValue<string>());
}
