using System.ComponentModel.DataAnnotations;

namespace CoachBot.Core.Conversations.Memory;

/// <summary>Bounds of the conversation memory. Bound from the "ConversationMemory" section.</summary>
public sealed class ConversationMemoryOptions
{
    public const string SectionName = "ConversationMemory";

    /// <summary>Turns kept per person and conversation.</summary>
    [Range(1, 50)]
    public int MaxTurns { get; set; } = 6;

    /// <summary>Conversations kept at once; the least recently used is dropped first.</summary>
    [Range(1, 1_000_000)]
    public int MaxConversations { get; set; } = 10_000;

    /// <summary>A conversation idle this long is forgotten, so a question hours later is not read as a follow-up.</summary>
    [Range(1, 10_080)]
    public int IdleMinutes { get; set; } = 60;
}
