using CoachBot.Core.Conversations.Memory;
using CoachBot.Storage.Conversations;

namespace CoachBot.Storage.Tests.Conversations;

[PostgresContract]
[Collection(PostgresRunDatabase.Name)]
public sealed class PostgresConversationMemoryStoreTests : ConversationMemoryContract
{
    protected override async Task<IConversationMemory> CreateMemoryAsync()
    {
        Database = await PostgresTestDatabase.CreateAsync();
        return new ConversationMemoryStore(Database.Contexts, Options.Create(Bounds), Time, NullLogger<ConversationMemoryStore>.Instance);
    }
}
