using CoachBot.Core.Conversations;
using CoachBot.Core.Outbound;
using CoachBot.Core.Replies;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoachBot.Core.Tests.Outbound;

public sealed class SharedOutboundTests
{
    private static readonly ConversationKey Channel = new(ChatPlatform.Discord, "G1", "C1");

    [Fact]
    public async Task Directory_DecidesOwnershipFromTheCommunitiesThePlatformNames()
    {
        Assert.Equal(ChannelOwnership.InCommunity, await new StubDirectory(_ => Task.FromResult<IReadOnlyCollection<string>>(["G2", "G1"])).CheckAsync(Channel, default));
        Assert.Equal(ChannelOwnership.OtherCommunity, await new StubDirectory(_ => Task.FromResult<IReadOnlyCollection<string>>(["G2"])).CheckAsync(Channel, default));
        Assert.Equal(ChannelOwnership.OtherCommunity, await new StubDirectory(_ => Task.FromResult<IReadOnlyCollection<string>>([])).CheckAsync(Channel, default));
    }

    [Fact]
    public async Task Directory_NotFoundErrorIsNotFound_OtherPlatformErrorIsUnknown_AndAnyOtherExceptionIsThrown()
    {
        var notFound = new StubDirectory(_ => throw new KeyNotFoundException("no such channel"));
        var platformError = new StubDirectory(_ => throw new TimeoutException("platform down"));
        var bug = new StubDirectory(_ => throw new InvalidOperationException("bug"));

        Assert.Equal(ChannelOwnership.NotFound, await notFound.CheckAsync(Channel, default));
        Assert.Equal(ChannelOwnership.Unknown, await platformError.CheckAsync(Channel, default));
        await Assert.ThrowsAsync<InvalidOperationException>(() => bug.CheckAsync(Channel, default));
    }

    [Fact]
    public async Task Messenger_PostsEveryPieceInOrder_MovesToWhereTheFirstPostLeadsAndReturnsItsId()
    {
        var messenger = new StubMessenger();

        var id = await messenger.PostAsync(Channel, Reply.Public("a|b|c"), default);

        Assert.Equal("m1", id);
        Assert.Equal(["C1/-:a", "C1/m1:b", "C1/m1:c"], messenger.Posted);
    }

    [Fact]
    public async Task Messenger_AnotherPlatformsConversation_IsRefused()
    {
        var messenger = new StubMessenger();

        await Assert.ThrowsAsync<ArgumentException>(() => messenger.PostAsync(Channel with { Platform = ChatPlatform.Slack }, Reply.Public("a"), default));
        Assert.Empty(messenger.Posted);
    }

    private sealed class StubDirectory(Func<ConversationKey, Task<IReadOnlyCollection<string>>> find) : PlatformChannelDirectory(NullLogger.Instance)
    {
        public override ChatPlatform Platform => ChatPlatform.Discord;

        protected override Task<IReadOnlyCollection<string>> FindCommunitiesAsync(ConversationKey channel, CancellationToken cancellationToken) => find(channel);

        protected override ChannelLookupError? Classify(Exception exception) => exception switch
        {
            KeyNotFoundException => ChannelLookupError.NotFound,
            TimeoutException => ChannelLookupError.Failed,
            _ => null,
        };
    }

    /// <summary>Posts "a|b|c" as three messages; the first post moves the rest into a thread named after it.</summary>
    private sealed class StubMessenger() : RenderingChannelMessenger<string>(ChatPlatform.Discord, reply => reply.Text.Split('|'))
    {
        public List<string> Posted { get; } = [];

        protected override Task<string?> PostOneAsync(ConversationKey target, string message, string? firstId, CancellationToken cancellationToken)
        {
            Posted.Add($"{target.ChannelId}/{target.ThreadId ?? "-"}:{message}");
            return Task.FromResult<string?>("m" + Posted.Count);
        }

        protected override Task<ConversationKey> AfterFirstPostAsync(ConversationKey target, string firstId, Reply reply, CancellationToken cancellationToken) =>
            Task.FromResult(target.InThread(firstId));
    }
}
