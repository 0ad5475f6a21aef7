using System.Text.RegularExpressions;

namespace CoachBot.Ai.Answers;

/// <summary>
/// Tells whether a message leans on the previous one ("and what about salaries for that?", "what about for seniors?"):
/// it opens with a continuation ("and", "what about", "how about"…), points back ("that", "it", "those"…) with few
/// topic words of its own, or is too short to stand alone.
/// </summary>
public static partial class FollowUpDetector
{
    [GeneratedRegex(@"^\s*(and|also|but|so|then|ok(ay)?|what about|how about|what if|same (for|with)|and for|and what|and how|or)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex ContinuationOpening();

    [GeneratedRegex(@"\b(that|this|it|its|those|these|them|they|there|such|one|ones|same)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex PointsBack();

    /// <summary>"How does that compare to a lead backend developer?", "compare it with data engineering", "that vs devops".</summary>
    [GeneratedRegex(@"\bhow\s+(does|do|would|will|is|are)\s+(that|this|it|they|those|these)\s+compare\b|\bcompare\s+(that|this|it|them|those|these)\s+(to|with)\b|\b(that|this|it)\s+(vs\.?|versus)\s", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex ComparesWithThePrevious();

    public static bool IsFollowUp(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var topicWords = QueryTerms.Of(question).Count;
        return topicWords <= 1
            || ContinuationOpening().IsMatch(question)
            || (PointsOutside(question) && topicWords <= 3)
            || ComparesWithThePrevious().IsMatch(question);
    }

    /// <summary>Whether the message opens as a continuation of the previous one ("and…", "what about…", "how about…").</summary>
    public static bool OpensWithContinuation(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return ContinuationOpening().IsMatch(question);
    }

    /// <summary>
    /// Whether a word points back outside the question: "that", "those", "one" always may ("what skills does that role
    /// need?"); "it", "its", "them", "they", "there" not when the question has named something before them, which is what they
    /// stand for ("wat is kubernetes for, do i need it as a jr", "what about testing, what should i know there?").
    /// </summary>
    public static bool PointsOutside(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        foreach (Match word in PointsBack().Matches(question))
        {
            var pronoun = word.Value.ToLowerInvariant() is "it" or "its" or "them" or "they" or "there";
            if (!pronoun || QueryTerms.Of(question[..word.Index]).Count == 0)
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"\b(repeat|again|say that|said that|once more|what did you (just )?say|what was that|remind me)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex RepeatRequest();

    /// <summary>Whether the message asks to hear the previous answer again ("can you repeat that?", "say that again").</summary>
    public static bool AsksToRepeat(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return RepeatRequest().IsMatch(question);
    }

    [GeneratedRegex(@"\b(tell me more|more (about|on|details?|info)|go on|continue|keep going|what else|anything else|elaborate|expand on|more please|say more|go (deeper|further) (on|into)|dig deeper|deeper (into|on)|in more (depth|detail))\b|^\s*more\s*\??\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex MoreRequest();

    /// <summary>Whether the message asks for more on the same subject ("tell me more", "what else?", "go on").</summary>
    public static bool AsksForMore(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return MoreRequest().IsMatch(question);
    }

    /// <summary>The question without its request for more ("tell me more about the NoSQL ones" → "the NoSQL ones").</summary>
    public static string WithoutMoreRequest(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return MoreRequest().Replace(question, " ");
    }

    /// <summary>
    /// Whether a message names a subject of its own besides asking for more ("tell me more about the data engineer one"
    /// names data engineers; "tell me more about that" names nothing): such a message is searched with its own words
    /// beside the earlier question's, not as more of the earlier answer.
    /// </summary>
    public static bool NamesItsOwnSubject(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return QueryTerms.Of(MoreRequest().Replace(question, " ")).Count > 0;
    }
}
