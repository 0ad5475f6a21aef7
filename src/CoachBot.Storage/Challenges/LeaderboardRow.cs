namespace CoachBot.Storage.Challenges;

/// <summary>A member's standing in a community's challenges: wins first, then submissions.</summary>
public sealed record LeaderboardRow(string UserKey, string DisplayName, int Wins, int Submissions);
