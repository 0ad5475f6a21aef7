namespace CoachBot.Coaching.Tests.Ask;

public sealed class AskMessageHandlerTests : IClassFixture<AskCommandTests.Host>
{
    private readonly AskHost _host;

    public AskMessageHandlerTests(AskCommandTests.Host host)
    {
        ArgumentNullException.ThrowIfNull(host);
        _host = host.Value;
    }

    [Fact]
    public void Order_IsTheFallbackAfterInterviews()
    {
        Assert.Equal(1000, new AskMessageHandler(null!).Order);
    }

    [Fact]
    public async Task Mention_InAChannel_IsAnsweredInAThread()
    {
        var replies = await _host.Dispatcher.DispatchAsync(
            new MessageRequest(AskHost.Channel("11"), "what skills does a junior backend developer need?", MessageOrigin.Mention), CancellationToken.None);

        var reply = Assert.Single(replies);
        Assert.Equal(ReplyPlacement.Thread, reply.Placement);
        Assert.NotEmpty(reply.Sources);
    }

    [Fact]
    public async Task ThreadReply_FollowUp_UsesTheQuestionThatOpenedTheThread()
    {
        var channel = AskHost.Channel("12");
        await _host.Dispatcher.DispatchAsync(new MessageRequest(channel, "how do I become a backend engineer?", MessageOrigin.Mention), CancellationToken.None);
        var inThread = channel with { Conversation = channel.Conversation.InThread("thread-1") };

        var replies = await _host.Dispatcher.DispatchAsync(
            new MessageRequest(inThread, "and what about salaries for that?", MessageOrigin.ThreadReply), CancellationToken.None);

        var reply = Assert.Single(replies);
        Assert.Equal(ReplyPlacement.Thread, reply.Placement);
        Assert.Contains(reply.Sources, s => s.Display.Contains("Salar", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task OffTopicDirectMessage_GetsAPublicDecline()
    {
        var replies = await _host.Dispatcher.DispatchAsync(
            new MessageRequest(AskHost.Direct("13"), "give me a good recipe for lasagna", MessageOrigin.Direct), CancellationToken.None);

        var reply = Assert.Single(replies);
        Assert.Equal(ReplyVisibility.Public, reply.Visibility);
        Assert.Empty(reply.Sources);
        Assert.Contains("career path", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TerminalLine_GetsTheSameAnswerShapeAsAnyDirectMessage()
    {
        var replies = await _host.Dispatcher.DispatchAsync(
            new MessageRequest(AskHost.Terminal(), "is backend a good career?", MessageOrigin.Direct), CancellationToken.None);

        // No platform check in the feature: the terminal gets the thread intent like everyone and simply ignores it.
        var reply = Assert.Single(replies);
        Assert.Equal(ReplyPlacement.Thread, reply.Placement);
        Assert.NotEmpty(reply.Sources);
    }
}
