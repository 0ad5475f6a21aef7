namespace CoachBot.Slack.Tests.SocketMode;

public sealed class SlackModeratorAndMessengerTests
{
    [Theory]
    [InlineData("UMOD1")]
    [InlineData("UGROUP2")]
    public async Task ModeratorCommand_IsAllowedForConfiguredUsersAndUserGroupMembers(string user)
    {
        await using var harness = await SlackAdapterHarness.StartSocketModeAsync(new() { ["Slack:ModeratorUserGroupIds:0"] = "SMODS" });
        var fake = harness.Fake;
        fake.SetUserGroup("SMODS", "UGROUP1", "UGROUP2");

        await fake.SendEnvelopeAsync("slash_commands", FakeSlackPayloads.SlashCommand("/post", "", user, "C111", fake.CreateResponseUrl()));
        var post = await fake.WaitForCallAsync("chat.postMessage", c => c.Ok);

        Assert.Contains(StandInPostCommand.Posted, string.Join('\n', FakeSlackBlocks.Texts(post.Blocks)), StringComparison.Ordinal);
        Assert.Single(harness.Coach.Seen<CommandRequest>());
    }

    [Fact]
    public async Task ModeratorCommand_FromAnyoneElse_IsRefusedPrivately_AndNeverReachesTheFeature()
    {
        await using var harness = await SlackAdapterHarness.StartSocketModeAsync(new() { ["Slack:ModeratorUserGroupIds:0"] = "SMODS" });
        var fake = harness.Fake;
        fake.SetUserGroup("SMODS", "UGROUP1", "UGROUP2");

        await fake.SendEnvelopeAsync("slash_commands", FakeSlackPayloads.SlashCommand("/post", "", "U222", "C111", fake.CreateResponseUrl()));
        var response = await fake.WaitForResponsePostAsync();

        Assert.Equal("ephemeral", response.ResponseType);
        Assert.Contains("only community moderators", response.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(StandInPostCommand.Posted, response.AllText, StringComparison.Ordinal);
        Assert.Empty(harness.Coach.Seen<CommandRequest>());
        Assert.Empty(fake.CallsTo("chat.postMessage"));
    }

    [Fact]
    public async Task ChannelMessenger_PostsScheduledRepliesToTheChannel_AndReturnsTheTs()
    {
        await using var harness = await SlackAdapterHarness.StartSocketModeAsync();
        var messengers = harness.Services.GetRequiredService<ChannelMessengers>();

        var ts = await messengers.PostAsync(
            new ConversationKey(ChatPlatform.Slack, "T111", "C555"),
            new Reply { Title = "Weekly challenge", Text = "Design a rate limiter <!channel>", Sources = [new Citation("g", "APIs", ["Rate limits"])] },
            CancellationToken.None);

        var post = Assert.Single(harness.Fake.CallsTo("chat.postMessage"));
        Assert.Equal("C555", post.Field("channel"));
        Assert.Equal(harness.Fake.Messages.Single().Ts, ts);
        Assert.DoesNotContain("<!channel>", post.Body.ToJsonString(), StringComparison.Ordinal);
        Assert.True(messengers.Supports(ChatPlatform.Slack));
    }

    [Fact]
    public async Task Warning_OpensAReplacement_AndTheOldSocketStillDeliversUntilSlackClosesIt()
    {
        await using var harness = await SlackAdapterHarness.StartSocketModeAsync();
        var fake = harness.Fake;
        var old = await fake.WaitForConnectionAsync(1);

        await fake.SendDisconnectAsync("warning", old);
        var replacement = await fake.WaitForConnectionAsync(2);
        var late = await fake.SendEnvelopeAsync("events_api", FakeSlackPayloads.EventCallback(
            FakeSlackPayloads.Message("U222", "late on old", "D111", fake.NextTs(), "im")), connection: old);
        var ack = await fake.WaitForAckAsync(late);
        await old.CloseAsync();
        await fake.WaitUntilAsync(_ => old.ClosedSequence is not null, what: "the old socket to close");

        Assert.Equal(old.Id, ack.ConnectionId);
        Assert.True(replacement.IsOpen);
        await fake.WaitForCallAsync("chat.postMessage", c => c.Ok);
        Assert.Contains(harness.Coach.Seen<MessageRequest>(), r => r.Text == "late on old");
    }

    [Fact]
    public async Task TwoConnections_BothReceive_AndEachAckGoesBackOnItsOwnSocket()
    {
        await using var harness = await SlackAdapterHarness.StartSocketModeAsync(new() { ["Slack:SocketConnections"] = "2" });
        var fake = harness.Fake;
        var first = await fake.WaitForConnectionAsync(1);
        var second = await fake.WaitForConnectionAsync(2);

        var a = await fake.SendEnvelopeAsync("events_api", FakeSlackPayloads.EventCallback(FakeSlackPayloads.Message("U1", "a", "D1", fake.NextTs(), "im")), connection: first);
        var b = await fake.SendEnvelopeAsync("events_api", FakeSlackPayloads.EventCallback(FakeSlackPayloads.Message("U2", "b", "D2", fake.NextTs(), "im")), connection: second);

        Assert.Equal(first.Id, (await fake.WaitForAckAsync(a)).ConnectionId);
        Assert.Equal(second.Id, (await fake.WaitForAckAsync(b)).ConnectionId);
        Assert.NotEqual(first.Ticket, second.Ticket);
    }
}
