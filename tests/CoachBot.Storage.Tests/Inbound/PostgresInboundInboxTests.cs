using CoachBot.Storage.Inbound;

namespace CoachBot.Storage.Tests.Inbound;

[PostgresContract]
[Collection(PostgresRunDatabase.Name)]
public sealed class PostgresInboundInboxTests : InboundInboxContract
{
    protected override async Task<IInboundInbox> CreateInboxAsync()
    {
        var database = await PostgresTestDatabase.CreateAsync();
        return new InboundInboxStore(database.Contexts, TimeProvider.System, NullLogger<InboundInboxStore>.Instance);
    }
}
