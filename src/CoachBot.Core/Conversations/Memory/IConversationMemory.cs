namespace CoachBot.Core.Conversations.Memory;

/// <summary>
/// The recent turns of one person in one conversation (channel, DM or thread), so follow-ups can refer to what was said.
/// Implementations are thread-safe and bounded. With storage configured the turns live in the bot's database (they
/// survive a restart and are shared by every process on that database); without it, in process memory.
/// A thread with no turns of its own continues the person's turns in the parent channel (a channel question is answered
/// in a new thread whose id only the adapter learns).
/// </summary>
public interface IConversationMemory
{
    /// <summary>The most recent turns, oldest first (empty when there are none or they expired).</summary>
    Task<IReadOnlyList<ConversationTurn>> RecentAsync(ConversationKey conversation, string userKey, CancellationToken cancellationToken);

    Task RememberAsync(ConversationKey conversation, string userKey, ConversationTurn turn, CancellationToken cancellationToken);

    Task ForgetAsync(ConversationKey conversation, string userKey, CancellationToken cancellationToken);
}
