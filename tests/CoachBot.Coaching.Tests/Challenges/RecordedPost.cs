using CoachBot.Core.Conversations;
using CoachBot.Core.Replies;

namespace CoachBot.Coaching.Tests.Challenges;

public sealed record RecordedPost(ConversationKey Channel, Reply Reply, DateTimeOffset At);
