namespace CoachBot.Coaching.Interview.Bank;

/// <summary>
/// One question of the bank: what is asked, at which level and track, the rubric a strong answer covers, an optional
/// follow-up, the guide section that covers the topic (<c>guide-id#section-slug</c>) and, for behavioral questions,
/// STAR guidance.
/// </summary>
public sealed record InterviewQuestion(
    string Id,
    InterviewLevel Level,
    string Track,
    string Question,
    IReadOnlyList<RubricPoint> Rubric,
    string Reference)
{
    public string? FollowUp { get; init; }

    public StarGuidance? Star { get; init; }

    /// <summary>Where the question was read from, for error messages.</summary>
    public string SourceFile { get; init; } = "";
}
