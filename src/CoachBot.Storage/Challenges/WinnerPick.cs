namespace CoachBot.Storage.Challenges;

/// <summary>A member a moderator named as a winner (display name already safe to show).</summary>
public sealed record WinnerPick(string UserKey, string DisplayName);
