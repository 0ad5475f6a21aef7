using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace CoachBot.Knowledge.Retrieval;

/// <summary>
/// Takes the chat register out of a question before retrieval ("hey so ngl how do i start with sql fr lol" → "how do
/// i start with sql"): greeting and lead-in words at the start ("hey", "yo", "ok so", "quick question"), and filler
/// words anywhere ("fr", "tbh", "ngl", "lol", "bro", "lowkey", "no cap"), and a closing "or nah" or sigh ("it's killing
/// me"). The words of the question are kept as typed otherwise; a question that would be left with fewer than two words
/// is returned unchanged.
/// <see cref="SpellOut"/> writes chat spellings out as words.
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

    /// <summary>
    /// The question with chat spellings written out as words ("wats a gud site 2 grind" → "what's a good site to grind",
    /// "langs r good 4 backend" → "languages are good for backend", "html n css" → "html and css"); the question itself
    /// when it has none. Retrieval reads it for its confidence only: "gud" and "wats" are words the guides never use, so
    /// they made a question the guides answer look uncovered, while ranking by the spelled-out words moved answers both
    /// ways on the development sets (#12, round 12).
    /// </summary>
    public static string SpellOut(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return ChatSpelling().Replace(question, match => Spelled(match));
    }

    // Whole-word chat spellings and what they stand for. Only spellings no guide word or technology name shares: "r", "n"
    // and "2"/"4" have rules of their own below ("is r good" may name the R language; "2 years" is a number).
    private static readonly FrozenDictionary<string, string> Spellings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["wat"] = "what", ["wut"] = "what", ["wot"] = "what", ["wats"] = "what's", ["wuts"] = "what's", ["whats"] = "what's",
        ["gud"] = "good", ["kno"] = "know", ["knw"] = "know", ["u"] = "you", ["ur"] = "your", ["ya"] = "you",
        ["abt"] = "about", ["ppl"] = "people", ["bc"] = "because", ["cuz"] = "because", ["coz"] = "because",
        ["tryna"] = "trying to", ["wanna"] = "want to", ["gonna"] = "going to", ["gotta"] = "have to",
        ["shud"] = "should", ["shld"] = "should", ["wud"] = "would", ["cud"] = "could", ["thru"] = "through",
        ["b4"] = "before", ["sth"] = "something", ["smth"] = "something", ["prolly"] = "probably", ["rly"] = "really",
        ["lang"] = "language", ["langs"] = "languages", ["diff"] = "difference", ["btwn"] = "between",
        ["w/"] = "with", ["w/o"] = "without", ["ez"] = "easy", ["gr8"] = "great", ["xp"] = "experience",
        ["idk"] = "I don't know", ["dat"] = "that", ["dis"] = "this", ["tht"] = "that", ["becuz"] = "because",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static string Spelled(Match match)
    {
        return match.Groups["are"].Success ? "are"
            : match.Groups["and"].Success ? "and"
            : match.Groups["to"].Success ? "to"
            : match.Groups["for"].Success ? "for"
            : Spellings.GetValueOrDefault(match.Value, match.Value);
    }

    // "r" before a word that follows "are" ("langs r good", "r u", "what r the best"), "n" between two words ("html n
    // css"), "2" and "4" before a word that is no count of things or time ("sites 2 grind", "good 4 backend"; not "2
    // years", "4 languages"); else any whole word, written out when it is one of the Spellings.
    [GeneratedRegex(@"(?<![\p{L}\p{N}'’/.-])(?:(?<are>(?-i:r))(?=\s+(?:u|you|the|they|there|these|those|some|any|all|most|more|good|better|best|worth|still|in|hard|easy|important|needed|used|really|bootcamps|degrees|certs|certifications)\b)|(?<=\p{L}\s+)(?<and>n)(?=\s+\p{L})|(?<=\p{L}\s+)(?<to>2)(?=\s+(?!(?:years?|months?|weeks?|days?|hours?|yrs?)\b)\p{L}+(?<!s)\b)|(?<=\p{L}\s+)(?<for>4)(?=\s+(?!(?:years?|months?|weeks?|days?|hours?|yrs?)\b)\p{L}+(?<!s)\b)|w/o|w/|[\p{L}\p{N}]+)(?![\p{L}\p{N}'’/]|\.\p{L})", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: Core.Safety.RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex ChatSpelling();

    // "…or nah?" and a closing sigh ("…debugging ngl it's killing me", "…this is driving me crazy"): no part of what is asked.
    [GeneratedRegex(@"[\s,]+(?:or nah|or not|or what|(?:it'?s|its|it is|this is|that'?s|thats)\s+(?:(?:literally|actually|honestly|kinda|really|lowkey)\s+)?(?:killing|destroying|driving)\s+me(?:\s+(?:crazy|nuts|insane|up the wall))?)\s*(?=[?.!]*\s*$)", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: Core.Safety.RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex TrailingTag();

    [GeneratedRegex(@"\s{2,}", RegexOptions.None, matchTimeoutMilliseconds: Core.Safety.RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex Spaces();
}
