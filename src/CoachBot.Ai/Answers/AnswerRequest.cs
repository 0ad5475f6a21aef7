using CoachBot.Core.Conversations;
using CoachBot.Core.Replies.Streaming;

namespace CoachBot.Ai.Answers;

/// <summary>
/// A question from a person in a conversation; the pair keys the conversation memory. With <see cref="Progress"/> a
/// model-written answer is streamed there as it is written.
/// </summary>
public sealed record AnswerRequest(ConversationKey Conversation, string UserKey, string Question)
{
    public IReplyProgress? Progress { get; init; }
}
