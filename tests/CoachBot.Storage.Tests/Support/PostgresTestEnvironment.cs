namespace CoachBot.Storage.Tests.Support;

/// <summary>
/// Whether PostgreSQL tests can run: <c>COACHBOT_TEST_POSTGRES</c> holds a connection string (see .ci/start-postgres.sh).
/// Without it they are skipped with a reason, unless <c>COACHBOT_REQUIRE_POSTGRES=1</c> (CI), where they must fail.
/// </summary>
public static class PostgresTestEnvironment
{
    public const string ConnectionVariable = "COACHBOT_TEST_POSTGRES";
    public const string RequireVariable = "COACHBOT_REQUIRE_POSTGRES";

    public static string? ConnectionString =>
        Environment.GetEnvironmentVariable(ConnectionVariable) is { Length: > 0 } value ? value : null;

    public static bool Required => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    /// <summary>Null when PostgreSQL tests should run (configured, or required and therefore failing loudly).</summary>
    public static string? SkipReason =>
        ConnectionString is not null || Required
            ? null
            : $"PostgreSQL not configured: set {ConnectionVariable} (e.g. from .ci/start-postgres.sh) to run this test.";

    public static string RequireConnectionString() =>
        ConnectionString ?? throw new InvalidOperationException(
            $"{RequireVariable}=1 but {ConnectionVariable} is not set: start PostgreSQL with .ci/start-postgres.sh and export its output.");
}
