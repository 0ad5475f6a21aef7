namespace CoachBot.Coaching.Interview.Feedback;

/// <summary>What the offline check found: how many of the rubric's key points the answer mentions, and how it matched them.</summary>
public sealed record RubricCoverage(int Covered, int Total, bool MatchedByMeaning, bool MostlyUnrelated);
