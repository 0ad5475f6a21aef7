namespace CoachBot.Storage.Quiz;

/// <summary>A person's record on one skill, computed from their answers.</summary>
public sealed record SkillProgress(string Skill, int Answered, int Correct, DateTimeOffset LastPractisedAt)
{
    public double Accuracy => Answered == 0 ? 0 : (double)Correct / Answered;
}
