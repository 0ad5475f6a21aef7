using CoachBot.Coaching.Tests.MyData;

namespace CoachBot.Host.Tests.EndToEnd;

/// <summary>
/// <c>/mydata</c> through the real host and the platform fakes. Export reaches the member alone, as the terminal
/// writes it to a file (TerminalEndToEndTests): Discord attaches the JSON to the ephemeral reply (multipart
/// <c>files[0]</c>); Slack, whose files cannot be ephemeral, shares it only in the member's DM with the bot and says so
/// privately. Delete, confirmed with the platform's button, leaves no row naming the member in any table of the EF
/// model (<see cref="MemberRowCensus"/>) and none of their deliveries in the inbox.
/// </summary>
public sealed class MyDataEndToEndTests
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
    [Fact]
    public async Task Discord_DeleteConfirmedWithTheButton_LeavesNoRowNamingTheMember()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        await using var host = await PrivateRefusalsEndToEndTests.StartDiscordHostAsync(discord);
        var member = new UserIdentity(ChatPlatform.Discord, FakeDiscordEvents.UserId, "alice");
        await FirstQuizAnswer.MissOnDiscordAsync(discord, host);
        var remind = await discord.SendInteractionAsync(FakeDiscordEvents.SlashCommand("remind", [PrivateRefusalsEndToEndTests.Subcommand("on")]));
        await discord.WaitUntilAsync(() => remind.CallbackType is not null && discord.RequestsTo("PATCH", remind.Token).Count > 0, "the reminder confirmation", Guard);
        await AssertNamedAsync(host, member);

        var ask = await discord.SendInteractionAsync(FakeDiscordEvents.SlashCommand("mydata", [PrivateRefusalsEndToEndTests.Subcommand("delete")]));
        var question = await discord.WaitForRequestAsync(r => r.Method == "PATCH" && r.Path.Contains(ask.Token, StringComparison.Ordinal), "the confirmation", Guard);
        var confirm = question.Body!["components"]!.AsArray().SelectMany(row => row!["components"]!.AsArray())
            .Select(button => button!["custom_id"]!.GetValue<string>()).First(id => id.StartsWith("mydata:confirm:", StringComparison.Ordinal));
        var click = await discord.SendInteractionAsync(FakeDiscordEvents.ButtonClick(confirm));
        await discord.WaitUntilAsync(
            () => (click.CallbackContent + string.Join('\n', discord.RequestsTo("PATCH", click.Token).Concat(discord.RequestsTo("POST", "/webhooks/")).Where(r => r.Path.Contains(click.Token, StringComparison.Ordinal)).Select(r => r.Content)))
                .Contains("about you deleted", StringComparison.Ordinal),
            "the deletion", Guard);

        await AssertNothingLeftAsync(host, member);
    }

    [Fact]
    public async Task Slack_DeleteConfirmedWithTheButton_LeavesNoRowNamingTheMember()
    {
        const string Member = "U222";
        const string Channel = "C111";
        await using var slack = await FakeSlackServer.StartAsync();
        await using var host = await PrivateRefusalsEndToEndTests.StartSlackHostAsync(slack);
        var member = new UserIdentity(ChatPlatform.Slack, Member, "ada");
        await FirstQuizAnswer.MissOnSlackAsync(slack, host, Member, Channel);
        await slack.SendEnvelopeAsync("slash_commands", FakeSlackPayloads.SlashCommand("/coach-remind", "on", Member, Channel, slack.CreateResponseUrl()));
        await slack.WaitForResponsePostAsync(p => p.AllText.Contains("Reminders are on", StringComparison.Ordinal), Guard);
        await AssertNamedAsync(host, member);

        await slack.SendEnvelopeAsync("slash_commands", FakeSlackPayloads.SlashCommand("/mydata", "delete", Member, Channel, slack.CreateResponseUrl()));
        var ask = await slack.WaitForResponsePostAsync(p => FakeSlackBlocks.Buttons(p.Blocks).Any(b => b.Value.StartsWith("mydata:confirm:", StringComparison.Ordinal)), Guard);
        var confirm = FakeSlackBlocks.Buttons(ask.Blocks).First(b => b.Value.StartsWith("mydata:confirm:", StringComparison.Ordinal));
        await slack.SendEnvelopeAsync("interactive", FakeSlackPayloads.BlockAction(Member, Channel, slack.NextTs(), confirm.Value, slack.CreateResponseUrl(), confirm.ActionId, isEphemeral: true));
        await slack.WaitForResponsePostAsync(p => p.AllText.Contains("about you deleted", StringComparison.Ordinal), Guard);

        await AssertNothingLeftAsync(host, member);
    }

    /// <summary>Before deleting: the flow really stored rows naming the member (else "nothing left" would prove nothing).</summary>
    private static async Task AssertNamedAsync(RealHost host, UserIdentity member)
    {
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<CoachBotDbContext>>().CreateDbContextAsync();
        var named = await MemberRowCensus.CountAsync(db, member);
        Assert.True(named.Count(c => c.Value > 0) >= 4, "the quiz, review item and reminder should name the member: " + string.Join(", ", named.Where(c => c.Value > 0).Select(c => c.Key)));
    }

    private static async Task AssertNothingLeftAsync(RealHost host, UserIdentity member)
    {
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<CoachBotDbContext>>().CreateDbContextAsync();
        var left = await MemberRowCensus.CountAsync(db, member);
        Assert.All(left, column => Assert.True(column.Value == 0, $"{column.Key} still names the member ({column.Value} rows)"));
        Assert.All(await MemberRowCensus.OrphansAsync(db), fk => Assert.True(fk.Value == 0, $"{fk.Key} has {fk.Value} orphaned rows"));
        var inbox = await db.Database.SqlQueryRaw<int>(
            "SELECT COUNT(*) AS \"Value\" FROM \"inbound_deliveries\" WHERE \"Payload\" LIKE {0}", "%\"" + member.UserId + "\"%").SingleAsync();
        Assert.Equal(0, inbox);
    }
}
