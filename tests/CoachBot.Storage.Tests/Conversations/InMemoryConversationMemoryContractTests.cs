using CoachBot.Core.Conversations.Memory;

namespace CoachBot.Storage.Tests.Conversations;

public sealed class InMemoryConversationMemoryContractTests : ConversationMemoryContract
{
    protected override Task<IConversationMemory> CreateMemoryAsync() =>
        Task.FromResult<IConversationMemory>(new InMemoryConversationMemory(Options.Create(Bounds), Time));
}
