namespace CoachBot.Storage.Tests.Support;

/// <summary>A test that needs the PostgreSQL server: skipped with a reason when none is configured (unless required).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresTestEnvironment.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
