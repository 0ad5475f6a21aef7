using CoachBot.Core.Conversations.Memory;
using CoachBot.Core.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Storage.Conversations;

/// <summary>Deletes the turns of conversations idle longer than <c>ConversationMemory:IdleMinutes</c>, every few minutes.</summary>
public sealed class ConversationMemoryPurger(
    ConversationMemoryStore store, IOptions<ConversationMemoryOptions> options, TimeProvider time, ILogger<ConversationMemoryPurger> logger)
    : PeriodicPurger(time, logger, "turns of idle conversations")
{
    protected override Task<int> PurgeAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        store.PurgeAsync(now - TimeSpan.FromMinutes(options.Value.IdleMinutes), cancellationToken);
}
