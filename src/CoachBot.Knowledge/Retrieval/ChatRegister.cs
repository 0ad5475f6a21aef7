using System.Text.RegularExpressions;

namespace CoachBot.Knowledge.Retrieval;

/// <summary>
/// Takes the chat register out of a question before retrieval ("hey so ngl how do i start with sql fr lol" → "how do
/// i start with sql"): greeting and lead-in words at the start ("hey", "yo", "ok so", "quick question"), and filler
/// words anywhere ("fr", "tbh", "ngl", "lol", "bro", "lowkey", "no cap", "or nah" at the end). The words of the question
/// are kept as typed otherwise; a question that would be left with fewer than two words is returned unchanged.
/// Lucene drops most of these words as stop words already; the sentence model reads them, so they pull the question
/// vector toward chat in general (<see cref="HybridSettings.StripChatRegister"/>).
/// </summary>
public static partial class ChatRegister
{
    public static string Strip(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var stripped = question;
        string previous;
        do
        {
            previous = stripped;
            stripped = LeadIn().Replace(stripped, string.Empty);
        }
        while (stripped != previous);

        stripped = Filler().Replace(stripped, " ");
        stripped = TrailingTag().Replace(stripped, string.Empty);
        stripped = Spaces().Replace(stripped, " ").Trim(' ', ',', ';');
        return stripped.Any(char.IsWhiteSpace) ? stripped : question;
    }

    [GeneratedRegex(@"^\s*(?:hey+|hi+|hello|yo+|sup|hiya|heya|howdy|ok(?:ay)?|so|um+|uh+|hm+|alright|quick question|random question|genuine question|serious question|real talk|guys|folks|everyone|coach)\b[\s,.!:;-]*", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: Core.Safety.RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex LeadIn();

    [GeneratedRegex(@"(?<![\p{L}'’])(?:fr|frfr|tbh|tbf|ngl|tho|lol+|lmao+|lmfao|rofl|ha(?:ha)+|bruh|bro|broo+|dude|fam|pls|plz|thx|ty|imo|imho|lowkey|highkey|deadass|istg|smh|fwiw|btw|no cap|asking for a friend)(?![\p{L}'’])[,.!]*", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: Core.Safety.RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex Filler();

    [GeneratedRegex(@"[\s,]+(?:or nah|or not|or what)\s*(?=[?.!]*\s*$)", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: Core.Safety.RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex TrailingTag();

    [GeneratedRegex(@"\s{2,}", RegexOptions.None, matchTimeoutMilliseconds: Core.Safety.RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex Spaces();
}
