using System.Text.RegularExpressions;
using CoachBot.Core.Safety;

namespace CoachBot.Ai.Answers;

/// <summary>
/// "What comes after that?" after a question about senior engineers, or "what's the next step after junior?": a question
/// about the stage that follows one the member names (or named in the previous question). Searched as it is, it finds the
/// named stage again (its words are the only subject), so it is searched with the next stage described in the guides'
/// own words ("Lead Backend Developer", "Backend Architect" after senior). The ladder is the guides' own: intern, junior
/// (entry level), backend developer (mid level), senior, lead or architect, then the paths beside and beyond.
/// </summary>
public static partial class NextCareerStage
{
    private static readonly (Regex Names, string Next)[] Ladder =
    [
        (Stage(@"interns?|internships?"), "starting your journey as a Junior Backend Developer in an entry-level position"),
        (Stage(@"junior|juniors|entry[- ]level"), "progress from your entry-level days into the role of a Backend Developer: mid-career progression, more complex projects and responsibilities"),
        (Stage(@"mid[- ]level|mid[- ]career|intermediate"), "reaching the level of a Senior Backend Developer: designing system architectures and making critical technical decisions"),
        (Stage(@"senior|seniors|sr"), "the role of a Lead Backend Developer or another advanced title, Backend Architect"),
        (Stage(@"lead|leads|tech lead|team lead|architect|architects|principal|staff engineer|manager"), "exploring new opportunities: Solutions Architect, alternative career paths, technical consulting and product management"),
    ];

    [GeneratedRegex(
        @"\b(what(?:'s|’s| is)?\s+(?:comes?\s+)?(?:after|next|beyond)|(?:the\s+)?next\s+(?:step|level|stage|role|move)|then\s+what|after\s+(?:that|this|being|becoming|senior|junior|lead)|where\s+(?:do|can|should)\s+i\s+go\s+from|what(?:'s|’s| is)?\s+above|higher\s+than|move\s+up\s+from|beyond\s+(?:that|this|senior|lead))\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking,
        matchTimeoutMilliseconds: RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex AsksForNext();

    // "What should I learn after this?" asks for the next thing to learn, not the next role.
    [GeneratedRegex(
        @"\b(learn|learning|study|studying|read|reading|course|courses|language|languages|book|books|skill|skills|framework|frameworks|practi[cs]e)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking,
        matchTimeoutMilliseconds: RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex AboutLearning();

    private static Regex Stage(string words) => WordAlternatives.Of(words);

    /// <summary>
    /// What to search, judge and quote when <paramref name="question"/> asks what follows a career stage: the next stage
    /// after its own (the highest it names), else after the previous question's, described in the guides' words (without
    /// the stage asked about, which the answer need not mention); null when it asks nothing of the kind or names no stage.
    /// </summary>
    public static string? Searchable(string question, string? previousQuestion)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (!AsksForNext().IsMatch(question) || AboutLearning().IsMatch(question))
        {
            return null;
        }

        // "from junior to mid-level", "after senior, like lead or architect": the question names where it goes itself.
        if (StagesNamed(question) > 1)
        {
            return null;
        }

        return NextAfter(question) ?? (previousQuestion is null ? null : NextAfter(previousQuestion));
    }

    private static int StagesNamed(string text)
    {
        text = text.Replace("senior year", " ", StringComparison.OrdinalIgnoreCase);
        return Ladder.Count(stage => stage.Names.IsMatch(text));
    }

    /// <summary>What follows the highest stage <paramref name="text"/> names, in the guides' words.</summary>
    private static string? NextAfter(string text)
    {
        text = text.Replace("senior year", " ", StringComparison.OrdinalIgnoreCase);
        string? next = null;
        foreach (var (names, after) in Ladder)
        {
            if (names.IsMatch(text))
            {
                next = after;
            }
        }

        return next;
    }
}
