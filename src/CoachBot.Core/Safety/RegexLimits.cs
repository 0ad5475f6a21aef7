namespace CoachBot.Core.Safety;

/// <summary>
/// The bound on a regular expression that reads untrusted text (a question, a message, model output) and needs a
/// lookaround, so it cannot run on <c>RegexOptions.NonBacktracking</c>: past this, the match throws
/// <see cref="System.Text.RegularExpressions.RegexMatchTimeoutException"/> instead of holding a worker. Patterns without
/// lookarounds or backreferences use NonBacktracking (linear time) instead.
/// </summary>
public static class RegexLimits
{
    public const int MatchTimeoutMilliseconds = 250;
}
