using CoachBot.Testing.FakeSlack;

namespace CoachBot.Slack.Tests.Delivery;

/// <summary>Direct messages (review reminders) against the fake Slack Web API: conversations.open, then chat.postMessage.</summary>
public sealed class SlackDirectMessengerTests
{
    [Fact]
    public async Task SendAsync_OpensTheMembersDmAndPostsThere_NeverInAChannel()
    {
        await using var harness = await SlackAdapterHarness.StartSocketModeAsync();
        var messengers = harness.Services.GetRequiredService<DirectMessengers>();

        var outcome = await messengers.SendAsync(ChatPlatform.Slack, "U777", Reply.Public("You have 2 reviews due. <!channel>"), CancellationToken.None);

        Assert.Equal(DirectMessageOutcome.Sent, outcome);
        Assert.Equal("U777", Assert.Single(harness.Fake.CallsTo("conversations.open")).Field("users"));
        var post = Assert.Single(harness.Fake.CallsTo("chat.postMessage"));
        Assert.Equal(FakeSlackServer.DirectMessageChannelOf("U777"), post.Field("channel"));
        Assert.DoesNotContain("<!channel>", post.Body.ToJsonString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("user_not_found")]
    [InlineData("user_disabled")]
    [InlineData("cannot_dm_bot")]
    public async Task SendAsync_AMemberSlackWillNotLetUsMessage_IsBlocked(string error)
    {
        await using var harness = await SlackAdapterHarness.StartSocketModeAsync();
        harness.Fake.RefuseDirectMessages("U777", error);
        var messengers = harness.Services.GetRequiredService<DirectMessengers>();

        var outcome = await messengers.SendAsync(ChatPlatform.Slack, "U777", Reply.Public("You have 2 reviews due."), CancellationToken.None);

        Assert.Equal(DirectMessageOutcome.Blocked, outcome);
        Assert.Empty(harness.Fake.CallsTo("chat.postMessage"));
    }
}
