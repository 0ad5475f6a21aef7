using System.Text.RegularExpressions;

namespace CoachBot.Core.Safety;

/// <summary>
/// A case-insensitive, linear-time pattern for any of some whole words or phrases (<c>"interns?|internships?"</c>), for
/// the curated word lists that read a member's question.
/// </summary>
public static class WordAlternatives
{
    public static Regex Of(string alternatives) => new(
        $@"\b(?:{alternatives})\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking,
        TimeSpan.FromMilliseconds(RegexLimits.MatchTimeoutMilliseconds));
}
