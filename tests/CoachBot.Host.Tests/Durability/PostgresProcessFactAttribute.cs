namespace CoachBot.Host.Tests.Durability;

/// <summary>
/// A test of built bot processes sharing the machine's PostgreSQL (<c>COACHBOT_TEST_POSTGRES</c>, from
/// .ci/start-postgres.sh): skipped with that reason when it is not set, unless <c>COACHBOT_REQUIRE_POSTGRES=1</c> (CI),
/// where the test runs and fails loudly.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresProcessFactAttribute : FactAttribute
{
    public const string ConnectionVariable = "COACHBOT_TEST_POSTGRES";

    public PostgresProcessFactAttribute()
    {
        if (Server is null && Environment.GetEnvironmentVariable("COACHBOT_REQUIRE_POSTGRES") != "1")
        {
            Skip = $"PostgreSQL not configured: set {ConnectionVariable} (e.g. from .ci/start-postgres.sh) to run the multi-process test.";
        }
    }

    /// <summary>The server's connection string, or null.</summary>
    public static string? Server => Environment.GetEnvironmentVariable(ConnectionVariable) is { Length: > 0 } value ? value : null;
}
