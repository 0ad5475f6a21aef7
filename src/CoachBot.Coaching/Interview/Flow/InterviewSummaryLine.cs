namespace CoachBot.Coaching.Interview.Flow;

/// <summary>One question in the summary: its text and score, or that it was skipped or not reached. <see cref="CoverageOnly"/>: the score is offline coverage, not a grade.</summary>
public sealed record InterviewSummaryLine(int Number, string Question, int? Score, bool Skipped, bool CoverageOnly = false);
