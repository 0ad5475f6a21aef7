using CoachBot.Core.Conversations;

namespace CoachBot.Ai.Memory;

/// <summary>
/// The recent turns of one person in one conversation (channel, DM or thread), so follow-ups can refer to what was said.
/// Implementations are thread-safe and bounded.
/// </summary>
public interface IConversationMemory
{
    /// <summary>The most recent turns, oldest first (empty when there are none or they expired).</summary>
    IReadOnlyList<ConversationTurn> Recent(ConversationKey conversation, string userKey);

    void Remember(ConversationKey conversation, string userKey, ConversationTurn turn);

    void Forget(ConversationKey conversation, string userKey);
}
