namespace CoachBot.Coaching.Tests.Challenges;

/// <summary>A database several test bots can share: the Storage settings that point at it.</summary>
public interface IChallengeTestDatabase
{
    IReadOnlyDictionary<string, string?> Settings { get; }
}
