namespace CoachBot.Core.Conversations.Memory;

/// <summary>
/// One question and answer in a conversation. <see cref="StandaloneQuestion"/> is the question as it was searched (after
/// a follow-up was rewritten or combined with the previous one), so the next follow-up can build on it.
/// </summary>
public sealed record ConversationTurn(string Question, string StandaloneQuestion, string Answer, DateTimeOffset At);
