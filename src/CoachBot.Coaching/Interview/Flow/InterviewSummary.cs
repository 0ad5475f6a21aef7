using CoachBot.Coaching.Interview.Bank;
using CoachBot.Core.Replies;
using CoachBot.Storage.Interview;

namespace CoachBot.Coaching.Interview.Flow;

/// <summary>The end-of-interview report: scores per question, a level estimate, top strengths and gaps, sections to read, a quiz to try.</summary>
public sealed record InterviewSummary(
    InterviewLevel Level,
    string Track,
    InterviewSessionStatus Status,
    IReadOnlyList<InterviewSummaryLine> Lines,
    double? AverageScore,
    InterviewLevel? EstimatedLevel,
    IReadOnlyList<string> Strengths,
    IReadOnlyList<string> Gaps,
    IReadOnlyList<Citation> Sources,
    string? SuggestedQuiz);
