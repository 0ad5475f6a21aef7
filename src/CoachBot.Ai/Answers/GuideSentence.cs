using System.Text.RegularExpressions;

namespace CoachBot.Ai.Answers;

/// <summary>A sentence of a passage, verbatim, with the (non-empty) line it stands on and whether that line is a list item.</summary>
public sealed partial record GuideSentence(string Text, int Line, bool IsListItem)
{
    /// <summary>Ends like the opening of a list ("These skills include:", "Key languages include").</summary>
    public bool ReadsAsLeadIn =>
        Text.EndsWith(':')
        || Text.EndsWith(" include", StringComparison.OrdinalIgnoreCase)
        || Text.EndsWith(" including", StringComparison.OrdinalIgnoreCase)
        || Text.EndsWith(" following", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Announces what comes next without saying it, like a lead-in ending in a full stop: "there are several core skills
    /// that are important for success", "you'll need to master several essential skills", "Here's a comprehensive guide
    /// to the skills required", "Moreover, we will offer valuable resources…", "Starting your journey … is an exciting and
    /// challenging experience", "Here, you will encounter discussions on…", "By the end of this part, you'll be equipped…", a
    /// figure the page describes but the guide text does not hold ("a flowchart showing the transition…"), or asks the
    /// reader a question ("But what does it take to step into backend engineering?").
    /// Quoted alone it answers nothing, so the offline composer prefers any sentence with content.
    /// A sentence that names things (two commas or more: "Python, Java, C#") is not an announcement.
    /// </summary>
    public bool ReadsAsAnnouncement =>
        !ReadsAsLeadIn
        && (Signpost().IsMatch(Text)
            || (Text.Count(c => c == ',') < 2 && (Text.EndsWith('?') || GuideIntroduction().IsMatch(Text) || VagueCount().IsMatch(Text))));

    // Announces whatever it lists: "Here, you will encounter discussions on A, B and C", "By the end of this part, you'll
    // be equipped with…", "Part 5 delves into these diverse avenues, ranging from…", "a flowchart showing the transition from A to B, highlighting C, …" (the page's figure, not here),
    // "Moreover, we will offer valuable resources…, highlighting recommended books, courses, and…", "…, this part aims to equip you…".
    [GeneratedRegex(@"^here, you\b|\byou(’|')?ll (encounter|discover)\b|\byou will (encounter|discover)\b|^by the end of this (guide|article|section|post|chapter|part|segment)\b|^(this|part \d+) (delves|explores|examines) into\b|^part \d+ (delves|explores|examines|covers)\b|\b(a|an) (flowchart|diagram|infographic|chart|illustration|timeline) (showing|illustrating|highlighting|depicting|outlining)\b|\b(we(’|')?ll|we will) (explore|offer|discuss|cover|look at|delve|dive|walk|examine|provide|highlight)\b|\bthis (guide|article|section|post|chapter|part|segment) aims to\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking | RegexOptions.CultureInvariant)]
    private static partial Regex Signpost();

    [GeneratedRegex(@"^(here(’|')?s|here are|this (guide|article|section|post|chapter|part|segment)|in this (guide|article|section|post|part|segment))\b|\b(we(’|')?ll|we will|we) (explore|offer|discuss|cover|look at|delve|dive|walk|examine|provide|highlight)\b|\b(is|be) an? (exciting|rewarding|thrilling|fascinating)( and [a-z]+)? (journey|experience|adventure|ride|endeavou?r)\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking | RegexOptions.CultureInvariant)]
    private static partial Regex GuideIntroduction();

    [GeneratedRegex(@"\b(several|various|a number of|a few|a variety of|many)( [a-z-]+){0,2} (skills|tips|steps|ways|things|factors|areas|options|paths|qualities|traits|strategies|benefits|reasons|aspects|competencies)\b|\b(several|various|a number of|a few|a variety of|many)( [a-z-]+){0,2} (languages|technologies|tools|frameworks)( and [a-z-]+)?(\s+(that|which)\b|\s*[.!]?\s*$)", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking | RegexOptions.CultureInvariant)]
    private static partial Regex VagueCount();
}
