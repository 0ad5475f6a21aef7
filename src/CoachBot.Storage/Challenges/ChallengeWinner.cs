namespace CoachBot.Storage.Challenges;

/// <summary>A winner a moderator picked for a challenge; the leaderboard counts these per community.</summary>
public sealed class ChallengeWinner
{
    public long Id { get; set; }

    public long ChallengeId { get; set; }

    public string CommunityKey { get; set; } = "";

    public string UserKey { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public DateTimeOffset AwardedAt { get; set; }
}
