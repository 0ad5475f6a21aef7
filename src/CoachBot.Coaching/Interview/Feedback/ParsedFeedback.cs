namespace CoachBot.Coaching.Interview.Feedback;

/// <summary>The model's structured feedback after validation (see <see cref="FeedbackJsonParser"/>).</summary>
public sealed record ParsedFeedback(
    int Score,
    IReadOnlyList<string> Strengths,
    IReadOnlyList<string> MissingPoints,
    IReadOnlyList<string> ImprovedOutline,
    string? FollowUp);
