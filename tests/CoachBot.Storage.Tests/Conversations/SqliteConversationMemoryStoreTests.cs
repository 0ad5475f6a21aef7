using CoachBot.Core.Conversations;
using CoachBot.Core.Conversations.Memory;
using CoachBot.Storage.Conversations;

namespace CoachBot.Storage.Tests.Conversations;

public sealed class SqliteConversationMemoryStoreTests : ConversationMemoryContract
{
    protected override async Task<IConversationMemory> CreateMemoryAsync()
    {
        Database = await SqliteTestDatabase.CreateAsync();
        return new ConversationMemoryStore(Database.Contexts, Options.Create(Bounds), Time, NullLogger<ConversationMemoryStore>.Instance);
    }

    [StoreFact]
    public async Task Recent_FromANewStoreOnTheSameDatabase_KeepsTheTurns()
    {
        var conversation = new ConversationKey(ChatPlatform.Discord, "G1", "C1");
        await Memory.RememberAsync(conversation, "discord:1", new ConversationTurn("q1", "q1", "a1", Time.GetUtcNow()), CancellationToken.None);

        var restarted = new ConversationMemoryStore(Database!.Contexts, Options.Create(Bounds), Time, NullLogger<ConversationMemoryStore>.Instance);

        Assert.Equal("a1", Assert.Single(await restarted.RecentAsync(conversation, "discord:1", CancellationToken.None)).Answer);
    }

    [StoreFact]
    public async Task Purge_DeletesOnlyConversationsIdleBeforeTheCutoff()
    {
        var store = (ConversationMemoryStore)Memory;
        var old = new ConversationKey(ChatPlatform.Discord, "G1", "old");
        var busy = old with { ChannelId = "busy" };
        await store.RememberAsync(old, "discord:1", new ConversationTurn("q", "q", "a", Time.GetUtcNow()), CancellationToken.None);
        await store.RememberAsync(busy, "discord:1", new ConversationTurn("q", "q", "a", Time.GetUtcNow()), CancellationToken.None);
        Time.Advance(TimeSpan.FromMinutes(30));
        await store.RememberAsync(busy, "discord:1", new ConversationTurn("q2", "q2", "a2", Time.GetUtcNow()), CancellationToken.None);

        Assert.Equal(1, await store.PurgeAsync(Time.GetUtcNow() - TimeSpan.FromMinutes(10), CancellationToken.None));
        Assert.Equal(2, (await store.RecentAsync(busy, "discord:1", CancellationToken.None)).Count);
    }
}
