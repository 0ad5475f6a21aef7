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
    string? SuggestedQuiz)
{
    /// <summary>How many of the scored answers were checked offline (coverage of the key points, not correctness).</summary>
    public int CoverageAnswers { get; init; }

    /// <summary>Every scored answer was checked offline: the scores and the average measure coverage only.</summary>
    public bool CoverageOnly { get; init; }
}
