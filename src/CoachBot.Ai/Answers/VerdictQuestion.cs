using System.Text.RegularExpressions;

namespace CoachBot.Ai.Answers;

/// <summary>
/// Yes-or-no questions whose answer is a verdict the guides state in so many words, and the sentences stating it:
/// <list type="bullet">
/// <item>"Do I need a computer science degree?" is answered by "…it is not always mandatory", not by a sentence that
/// only describes the degree path;</item>
/// <item>"Is AI gonna take all the jobs?" is answered by "…it cannot replace the critical thinking…" and "…backend
/// developers will be in demand", not by a sentence about what AI does;</item>
/// <item>"How is that different from what frontend devs do?" is answered by the sentence drawing the contrast ("While
/// frontend development focuses on user interfaces and experiences, backend engineers work behind the scenes…").</item>
/// </list>
/// The sentence stating the verdict rarely shares the question's words ("take the jobs", "replace"), so it is found by
/// what it says, not by overlap.
/// </summary>
public static partial class VerdictQuestion
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;

    /// <summary>
    /// Whether <paramref name="sentence"/> states the verdict <paramref name="question"/> asks for. A sentence on whether
    /// something is required, or drawing a contrast, counts only when it names what was asked about
    /// (<paramref name="sharesTopic"/>).
    /// </summary>
    public static bool IsStatedBy(string question, string sentence, bool sharesTopic) =>
        (AsksWhetherRequired().IsMatch(question) && sharesTopic && SaysWhetherRequired().IsMatch(sentence))
        || (AsksWhetherItLasts().IsMatch(question) && SaysItLasts().IsMatch(sentence))
        || (AsksHowTheyDiffer().IsMatch(question) && sharesTopic && DrawsAContrast().IsMatch(sentence));

    // "how is that different from frontend", "what's the difference between…", "backend vs frontend"; not "a different
    // language".
    [GeneratedRegex(@"\b(different\s+(from|than|to)|differences?\s+between|differs?\s+from|vs\.?|versus)\b", Options)]
    private static partial Regex AsksHowTheyDiffer();

    // "While frontend development focuses on user interfaces…, backend engineers…": a clause with a verb of its own, then
    // the other side; not a concession without one ("While not your primary focus, …").
    [GeneratedRegex(@"^(While|Whereas|Unlike)\b[^,]{0,80}\b(focuses|is|are|does|do|handles?|deals?|works?|builds?)\b[^,]*,", Options)]
    private static partial Regex DrawsAContrast();

    // "do I need a degree", "do you have to know math", "is a degree required", "is it mandatory", "must I learn C".
    [GeneratedRegex(@"\b(do|does|will|would)\s+(i|you|one|we|they|u)\s+(really\s+|actually\s+|even\s+|still\s+)?(need|have\s+to|require)\b|\b(is|are|'s|’s)\b[^?.!]{0,40}\b(required|necessary|mandatory|a\s+must|needed|a\s+requirement|optional)\b|\bmust\s+(i|you)\b|\bneed\s+a\s+(degree|diploma|certificate|certification)\b", Options)]
    private static partial Regex AsksWhetherRequired();

    [GeneratedRegex(@"\b(mandatory|strict\s+requirement|(not|isn't|isn’t)\s+(always\s+)?(required|necessary|needed)|optional|a\s+must)\b", Options)]
    private static partial Regex SaysWhetherRequired();

    // "is AI gonna take all the jobs", "will automation replace backend devs", "is backend still a good career",
    // "will there still be jobs in 20 years", "is backend dying".
    [GeneratedRegex(@"\b(replace[sd]?|replacing|take\s+(over\s+)?(all\s+)?(the\s+|our\s+|my\s+|your\s+|their\s+)?([a-z-]+\s+){0,2}jobs?|steal\s+(all\s+)?(the\s+|our\s+|my\s+)?([a-z-]+\s+){0,2}jobs?|obsolete|automate[sd]?\s+away|future[- ]?proof|dying|dead\s+end|still\s+(be\s+)?(a\s+)?(good|worth|viable|relevant|needed|safe|in\s+demand)|still\s+be\s+jobs|jobs?\s+(left|disappear\w*))\b", Options)]
    private static partial Regex AsksWhetherItLasts();

    [GeneratedRegex(@"\b(cannot|can't|can’t|won't|won’t|will\s+not)\s+replace\b|\bwill\s+be\s+in\s+demand\b|\bjob\s+security\b|\bwill\s+continue\s+to\s+(grow|rise)\b", Options)]
    private static partial Regex SaysItLasts();
}
