using System.Text.RegularExpressions;

namespace CoachBot.Ai.Answers;

/// <summary>
/// Tells whether a message leans on the previous one ("and what about salaries for that?", "what about for seniors?"):
/// it opens with a continuation ("and", "what about", "how about"…), points back ("that", "it", "those"…) with few
/// topic words of its own, or is too short to stand alone.
/// </summary>
public static partial class FollowUpDetector
{
    [GeneratedRegex(@"^\s*(and|also|but|so|then|ok(ay)?|what about|how about|what if|same (for|with)|and for|and what|and how|or)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ContinuationOpening();

    [GeneratedRegex(@"\b(that|this|it|its|those|these|them|they|there|such|one|ones|same)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PointsBack();

    public static bool IsFollowUp(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var topicWords = QueryTerms.Of(question).Count;
        return topicWords <= 1
            || ContinuationOpening().IsMatch(question)
            || (PointsBack().IsMatch(question) && topicWords <= 3);
    }
}
