namespace CoachBot.Coaching.Tests.Challenges;

/// <summary>
/// A test that needs PostgreSQL (same switches as the storage contract suites): runs when <c>COACHBOT_TEST_POSTGRES</c>
/// holds a server connection string (.ci/start-postgres.sh prints one), fails loudly without it when
/// <c>COACHBOT_REQUIRE_POSTGRES=1</c>, and is skipped with a reason otherwise.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ChallengePostgresFactAttribute : FactAttribute
{
    public ChallengePostgresFactAttribute()
    {
        if (PostgresChallengeDatabase.ServerConnectionString is null && Environment.GetEnvironmentVariable("COACHBOT_REQUIRE_POSTGRES") != "1")
        {
            Skip = "PostgreSQL not configured: set COACHBOT_TEST_POSTGRES (e.g. from .ci/start-postgres.sh) to run this test.";
        }
    }
}
