namespace CoachBot.Knowledge.Tests.Seeds;

/// <summary>A test that reads the original seed articles: skipped with a reason when they are absent (unless required).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SeedFactAttribute : FactAttribute
{
    public SeedFactAttribute()
    {
        if (SeedArticles.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
