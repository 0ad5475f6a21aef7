namespace CoachBot.Host.Tests.EndToEnd;

/// <summary>
/// <c>/mydata export</c> through the real host reaches the member alone on each platform, as the terminal writes it
/// to a file (TerminalEndToEndTests): Discord attaches the JSON to the ephemeral reply (multipart <c>files[0]</c>);
/// Slack, whose files cannot be ephemeral, shares it only in the member's DM with the bot and says so privately.
/// </summary>
public sealed class MyDataExportEndToEndTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Discord_Export_AttachesTheJsonOfTheMembersAnswersToAPrivateReply()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        await using var host = await PrivateRefusalsEndToEndTests.StartDiscordHostAsync(discord);
        await FirstQuizAnswer.MissOnDiscordAsync(discord, host);

        var export = await discord.SendInteractionAsync(FakeDiscordEvents.SlashCommand("mydata", [PrivateRefusalsEndToEndTests.Subcommand("export")]));
        var withFile = await discord.WaitForRequestAsync(r => r.Path.Contains(export.Token, StringComparison.Ordinal) && r.Files.Count > 0, "the export", Guard);

        Assert.True(export.RespondedPrivately, "the export is deferred with flags 64");
        Assert.Equal(200, withFile.Status);
        var file = Assert.Single(withFile.Files);
        Assert.Equal(("files[0]", "application/json"), (file.Field, file.ContentType));
        Assert.Matches("^coachbot-data-[0-9]{8}-[0-9]{6}\\.json$", file.FileName);
        var json = Encoding.UTF8.GetString(file.Content);
        Assert.Contains("\"quiz_answers\"", json, StringComparison.Ordinal);
        Assert.Contains(FakeDiscordEvents.UserId, json, StringComparison.Ordinal);
        Assert.DoesNotContain(discord.Requests, r => r.Method == "POST" && r.Path.Contains("/channels/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Slack_Export_SharesTheJsonOnlyInTheMembersDirectMessage_AndTheReplySaysSoPrivately()
    {
        const string Member = "U222";
        const string Channel = "C111";
        await using var slack = await FakeSlackServer.StartAsync();
        await using var host = await PrivateRefusalsEndToEndTests.StartSlackHostAsync(slack);
        await FirstQuizAnswer.MissOnSlackAsync(slack, host, Member, Channel);

        await slack.SendEnvelopeAsync("slash_commands", FakeSlackPayloads.SlashCommand("/mydata", "export", Member, Channel, slack.CreateResponseUrl()));
        var reply = await slack.WaitForResponsePostAsync(p => p.AllText.Contains("Your data", StringComparison.Ordinal), Guard);

        Assert.Equal("ephemeral", reply.ResponseType);
        Assert.Contains("in your direct messages with me", reply.AllText, StringComparison.Ordinal);
        var dm = FakeSlackServer.DirectMessageChannelOf(Member);
        var file = Assert.Single(slack.Files.Values);
        Assert.Matches("^coachbot-data-[0-9]{8}-[0-9]{6}\\.json$", file.FileName);
        Assert.True(file.Completed);
        Assert.Equal([dm], file.SharedTo);
        var json = Encoding.UTF8.GetString(file.Content!);
        Assert.Contains("\"quiz_answers\"", json, StringComparison.Ordinal);
        Assert.Contains(Member, json, StringComparison.Ordinal);
        Assert.Equal(dm, Assert.Single(slack.Messages, m => m.FileIds.Contains(file.Id)).Channel);
        Assert.DoesNotContain(slack.ResponsePosts, p => p.ResponseType == "in_channel");
    }
}
