namespace CoachBot.Storage.Conversations;

/// <summary>
/// One row of <c>conversation_turns</c>: a question and its answer in one person's conversation (the conversation
/// memory, see <c>IConversationMemory</c>). <see cref="LastUsedAt"/> is the time of the conversation's latest turn,
/// written on every row of the conversation, so the idle purge deletes whole conversations.
/// </summary>
public sealed class ConversationTurnRecord
{
    public long Id { get; set; }

    /// <summary><c>ConversationKey.ToString()</c>: <c>platform:community/channel[/thread]</c>.</summary>
    public string Conversation { get; set; } = "";

    public string UserKey { get; set; } = "";

    public string Question { get; set; } = "";

    public string StandaloneQuestion { get; set; } = "";

    public string Answer { get; set; } = "";

    public DateTimeOffset At { get; set; }

    public DateTimeOffset LastUsedAt { get; set; }
}
