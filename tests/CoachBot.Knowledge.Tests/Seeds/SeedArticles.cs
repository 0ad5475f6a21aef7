namespace CoachBot.Knowledge.Tests.Seeds;

/// <summary>
/// Where the original seed articles live (<c>../shared/seeds</c>, beside the repository) and whether tests comparing the
/// guides with them can run. A fresh clone has no shared folder, so those tests are skipped with a reason, unless
/// <c>COACHBOT_REQUIRE_SEEDS=1</c> (set by .ci/run), where they run and fail loudly when the folder is missing.
/// </summary>
public static class SeedArticles
{
    public const string RequireVariable = "COACHBOT_REQUIRE_SEEDS";

    public static string Directory { get; } = System.IO.Path.GetFullPath(System.IO.Path.Combine(TestKnowledge.Directory, "..", "..", "shared", "seeds"));

    public static bool Required => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    /// <summary>Null when the seed tests should run (the folder is there, or it is required and the tests must fail).</summary>
    public static string? SkipReason =>
        System.IO.Directory.Exists(Directory) || Required
            ? null
            : $"seed articles not found at {Directory} (the shared folder beside the repository); set {RequireVariable}=1 to fail instead of skipping, as .ci/run does.";
}
