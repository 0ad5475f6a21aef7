namespace CoachBot.Coaching.Competency;

/// <summary>One answer that tells something about a skill: <see cref="Score"/> 0..1 (a quiz or review answer is 0 or 1, an LLM-graded interview answer its 1–5 grade mapped onto 0..1).</summary>
public sealed record CompetencyEvidence(string Skill, double Score, DateTimeOffset At);
