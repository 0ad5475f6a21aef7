namespace CoachBot.Coaching.Tests.Challenges;

public sealed record RecordedPost(ConversationKey Channel, Reply Reply, DateTimeOffset At);
