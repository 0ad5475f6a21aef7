namespace CoachBot.Coaching.Challenges;

/// <summary>A challenge from the bank in <c>knowledge/challenges/</c>.</summary>
public sealed record BankChallenge(
    string Id,
    string Title,
    string Brief,
    string Difficulty,
    IReadOnlyList<string> Skills,
    IReadOnlyList<string> References);
