namespace CoachBot.Coaching.Interview.Bank;

/// <summary>One key point a strong answer covers, with the words or phrases that show it was covered.</summary>
public sealed record RubricPoint(string Point, IReadOnlyList<string> Keywords);
