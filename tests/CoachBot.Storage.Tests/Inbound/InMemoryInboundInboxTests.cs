namespace CoachBot.Storage.Tests.Inbound;

public sealed class InMemoryInboundInboxTests : InboundInboxContract
{
    protected override Task<IInboundInbox> CreateInboxAsync() => Task.FromResult<IInboundInbox>(new InMemoryInboundInbox());
}
