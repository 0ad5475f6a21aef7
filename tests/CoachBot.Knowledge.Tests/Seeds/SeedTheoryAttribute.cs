namespace CoachBot.Knowledge.Tests.Seeds;

/// <summary>A theory that reads the original seed articles: skipped with a reason when they are absent (unless required).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SeedTheoryAttribute : TheoryAttribute
{
    public SeedTheoryAttribute()
    {
        if (SeedArticles.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
