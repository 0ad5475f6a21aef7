using CoachBot.Core.Conversations;

namespace CoachBot.Ai.Answers;

/// <summary>A question from a person in a conversation; the pair keys the conversation memory.</summary>
public sealed record AnswerRequest(ConversationKey Conversation, string UserKey, string Question);
