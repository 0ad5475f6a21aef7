namespace CoachBot.Host.Tests.Dashboard;

/// <summary>
/// A test that drives the machine's Chromium (Debian's <c>chromium</c> package; COACHBOT_CHROMIUM overrides the path).
/// Skipped with a reason when it is not installed, unless COACHBOT_REQUIRE_BROWSER=1 (CI, where .ci/run installs it):
/// then it runs and fails loudly.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!File.Exists(ChromiumPath) && Environment.GetEnvironmentVariable("COACHBOT_REQUIRE_BROWSER") != "1")
        {
            Skip = $"Chromium is not installed at {ChromiumPath} (apt-get install chromium, or set COACHBOT_CHROMIUM); .ci/run installs it and sets COACHBOT_REQUIRE_BROWSER=1.";
        }
    }

    public static string ChromiumPath => Environment.GetEnvironmentVariable("COACHBOT_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";
}
