using System.Text.RegularExpressions;
using CoachBot.Core.Safety;
using CoachBot.Ai.Answers.Screening;

namespace CoachBot.Ai.Answers.Coverage;

/// <summary>
/// Reads the details a question pins its answer to: a year ("in 2025"), a place ("in London", "Germany"), a company
/// ("at Google", "for PayPal"), a seniority or role ("junior", "CTO") and a named person. A passage that answers the
/// question must mention them (or a word that stands for them: "entry-level" for "junior", "United States" for "US").
/// Places and companies are recognised by shape (a capitalised name after "in", "at", "for"…) and, because people
/// type in lower case, from a short list of the places and employers people ask about most.
/// </summary>
public static partial class QuestionConstraints
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    private static readonly Dictionary<string, string[]> Places = BuildPlaces();

    private static readonly HashSet<string> Companies = new(StringComparer.OrdinalIgnoreCase)
    {
        "google", "amazon", "aws", "meta", "facebook", "microsoft", "apple", "netflix", "paypal", "stripe", "uber", "airbnb",
        "spotify", "shopify", "ibm", "oracle", "salesforce", "linkedin", "twitter", "tesla", "nvidia", "intel", "adobe",
        "atlassian", "github", "gitlab", "cloudflare", "datadog", "twilio", "booking", "zalando", "revolut", "monzo",
        "deliveroo", "infosys", "tcs", "wipro", "accenture", "deloitte", "jp morgan", "jpmorgan", "goldman sachs",
    };

    // role words and the words a guide may use for the same seniority
    private static readonly (string[] Words, string[] Alternatives)[] Roles =
    [
        (["junior", "entry-level", "entry level", "beginner", "new grad", "graduate", "fresher"], ["junior", "entry-level", "entry level", "beginner", "starting", "intern"]),
        (["intern", "internship"], ["intern", "internship", "internships"]),
        (["mid-level", "mid level", "midlevel", "intermediate"], ["mid-level", "mid-career", "mid level"]),
        (["senior", "experienced", "seasoned"], ["senior", "experienced", "more experienced"]),
        (["staff engineer", "principal engineer", "principal"], ["staff", "principal"]),
        (["tech lead", "team lead", "lead"], ["lead", "leader", "leadership", "leading"]),
        (["architect"], ["architect", "architects"]),
        (["cto", "chief technology officer"], ["cto", "chief technology officer"]),
        (["engineering manager", "manager"], ["manager", "management"]),
        (["devops"], ["devops"]),
        (["data engineer"], ["data engineer", "data engineering"]),
        (["sre", "site reliability"], ["sre", "site reliability"]),
    ];

    [GeneratedRegex(@"(?-i:\bUS\b)|\b(in|the)\s+(the\s+)?us\b(?!\s+(to|with|how|what|about|a|an|the|some|more))", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex UnitedStates();

    [GeneratedRegex(@"\b(19[5-9]\d|20[0-4]\d)\b", Options | RegexOptions.NonBacktracking)]
    private static partial Regex Year();

    // a capitalised name after a preposition of place or employer: "in Lagos", "at Acme Corp", "for Initech"
    [GeneratedRegex(@"\b(?<prep>in|at|for|from|near|around|with|to)\s+(?<name>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,2})", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex CapitalisedAfterPreposition();

    public static IReadOnlyList<QuestionConstraint> Of(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var found = new List<QuestionConstraint>();
        void Add(QuestionConstraint constraint)
        {
            if (!found.Any(c => c.Text.Equals(constraint.Text, StringComparison.OrdinalIgnoreCase)))
            {
                found.Add(constraint);
            }
        }

        foreach (Match year in Year().Matches(question))
        {
            Add(new QuestionConstraint(ConstraintKind.Year, year.Value, []));
        }

        var lower = " " + Normalise(question) + " ";
        foreach (var (place, alternatives) in Places)
        {
            if (lower.Contains(" " + place + " ", StringComparison.Ordinal))
            {
                Add(new QuestionConstraint(ConstraintKind.Place, Display(question, place), alternatives));
            }
        }

        // "us" is a pronoun in lower case ("tell us"); the country when capitalised or after "in the"
        if (UnitedStates().IsMatch(question))
        {
            Add(new QuestionConstraint(ConstraintKind.Place, "US", Places["usa"]));
        }

        foreach (var company in Companies)
        {
            if (lower.Contains(" " + company + " ", StringComparison.Ordinal))
            {
                Add(new QuestionConstraint(ConstraintKind.Company, Display(question, company), []));
            }
        }

        foreach (Match named in CapitalisedAfterPreposition().Matches(question))
        {
            var name = named.Groups["name"].Value.TrimEnd('.', '?', '!');
            if (IsKnownWord(name) || PersonReference.FindName(name) is not null)
            {
                continue;
            }

            var kind = named.Groups["prep"].Value is "at" or "for" or "with" ? ConstraintKind.Company : ConstraintKind.Place;
            Add(new QuestionConstraint(kind, name, []));
        }

        foreach (var (words, alternatives) in Roles)
        {
            var word = words.FirstOrDefault(w => lower.Contains(" " + w + " ", StringComparison.Ordinal));
            if (word is not null)
            {
                if (!NamesTheReader(lower, word) || FigureQuestion.Of(question) != FigureKind.None)
                {
                    Add(new QuestionConstraint(ConstraintKind.Role, word, alternatives));
                }

                break; // the most junior role named is the one the question is about
            }
        }

        if (PersonReference.FindName(question) is { } person && !found.Any(c => person.Contains(c.Text, StringComparison.OrdinalIgnoreCase)))
        {
            Add(new QuestionConstraint(ConstraintKind.Person, person, []));
        }

        foreach (var (pattern, display, mentions) in TopicGaps)
        {
            if (pattern.IsMatch(question))
            {
                Add(new QuestionConstraint(ConstraintKind.Topic, display, mentions));
            }
        }

        if (SpecificAction(question) is { } action)
        {
            Add(action);
        }

        return found;
    }

    // Career topics next to the guides' subject that they never treat: a question about one ("how do I write a good resume
    // for a junior backend role?") is at most partly answered, whatever else it shares with the guides. Each with the
    // words a passage would use if it did treat it (a passing "build your resume" does not treat writing one).
    private static readonly (Regex Pattern, string Display, string[] Mentions)[] TopicGaps =
    [
        (Topic(@"r[eé]sum[eé]s|résumé|(my|a|your|the|good|great|strong|solid|backend|junior|dev|developer|tech)\s+resume|resume\s+(for|tips?|templates?|format|formatting|writing|reviews?|advice)|cvs?"), "résumés", ["résumé", "CV", "resume writing", "write your resume", "your resume should"]),
        (Topic(@"cover\s+letters?"), "cover letters", ["cover letter"]),
        (Topic(@"linkedin"), "LinkedIn", ["LinkedIn"]),
        (Topic(@"visas?|work\s+permits?|green\s+card|h-?1b|relocat(e|ing|ion)|immigrat(e|ing|ion)"), "visas or relocation", ["visa", "work permit", "relocation", "immigration"]),
        (Topic(@"burn(ed|t)?\s*out|burnout|stressed(\s+out)?|stressful|(so\s+much|lots\s+of|a\s+lot\s+of|under|work|job)\s+stress|stress\s+at\s+work"), "burnout or stress", ["burnout", "stress"]),
        (Topic(@"anxiety|mental\s+health"), "mental health", ["mental health", "anxiety"]),
        (Topic(@"imposter\s+syndrome|impostor\s+syndrome"), "impostor syndrome", ["impostor", "imposter"]),
        (Topic(@"work[-\s]life\s+balance"), "work-life balance", ["work-life balance"]),
        (Topic(@"equity|stock\s+options?|rsus?"), "equity or stock options", ["equity", "stock option", "RSU"]),
    ];

    private static Regex Topic(string words) => WordAlternatives.Of(words);

    /// <summary>
    /// "How do I negotiate a higher salary": the guides speak of salaries but never of negotiating, so the action is a
    /// detail the passages must mention (in any of its forms: "negotiating", "negotiation"). Only a real English word
    /// (the sentence model's vocabulary: a typo such as "lern" is no action) that is not one of the everyday verbs a
    /// career question is phrased with ("get", "learn", "become", "start", "improve"…).
    /// </summary>
    private static QuestionConstraint? SpecificAction(string question)
    {
        var match = HowToAction().Match(question);
        if (!match.Success)
        {
            return null;
        }

        var verb = match.Groups["verb"].Value.ToLowerInvariant();
        if (verb.Length < 3 || EverydayVerbs.Contains(verb) || !Knowledge.Semantic.ModelVocabulary.WholeWords.Contains(verb))
        {
            return null;
        }

        // Named with its object as the question put it ("negotiate a higher salary", "fix a merge conflict"), up to a
        // preposition or the end of the clause; mentioned when a passage uses the verb in any of its forms.
        var stem = verb.EndsWith('e') ? verb[..^1] : verb;
        var phrase = ActionObject().Match(question[(match.Groups["verb"].Index + match.Groups["verb"].Length)..]).Value.TrimEnd();
        var text = (match.Groups["verb"].Value + " " + phrase.Trim()).Trim();
        return new QuestionConstraint(ConstraintKind.Action, text, [verb, stem + "ing", stem + "ion", stem + "ation", stem + "ed", verb + "s", verb + "d"]);
    }

    // The words after the verb up to a preposition, a conjunction or punctuation: at most four.
    [GeneratedRegex(@"^(?:\s+(?!(?:in|at|for|when|with|on|from|to|into|if|so|and|or|but|as|after|before|without|while|because)\b)[a-z0-9'’+#.-]+){0,4}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex ActionObject();

    [GeneratedRegex(@"\bhow\s+(?:do|can|could|should|would|will|does|did)\s+(?:i|you|we|one|someone|a\s+\w+)\s+(?:even\s+|actually\s+|best\s+|properly\s+|really\s+)?(?<verb>[a-z]+)\b|\bhow\s+to\s+(?<verb>[a-z]+)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex HowToAction();

    private static readonly HashSet<string> EverydayVerbs = new(StringComparer.Ordinal)
    {
        "become", "learn", "start", "begin", "find", "know", "choose", "pick", "decide", "improve", "prepare", "stay",
        "keep", "move", "switch", "grow", "land", "build", "write", "handle", "deal", "work", "study", "practice",
        "practise", "gain", "develop", "stand", "break", "transition", "advance", "progress", "balance", "avoid", "manage",
        "approach", "tell", "show", "apply", "network", "earn", "afford", "reach", "achieve", "succeed", "make", "have",
        "need", "want", "become", "feel", "look", "think", "focus", "spend", "take", "give", "help", "catch", "level",
        "go", "get", "do", "be", "use", "master", "understand", "explain", "describe", "compare", "measure", "test",
        "design", "plan", "create", "think", "hire", "hired", "land", "ace", "nail", "crack", "pass", "stand", "shine",
        "impress", "train", "teach", "mentor", "contribute", "collaborate", "communicate", "present", "showcase", "set",
        "grow", "scale", "secure", "protect", "deploy", "debug", "test", "optimize", "optimise", "choose", "select",
        "specialize", "specialise", "continue", "keep", "remain", "survive", "thrive", "cope", "juggle", "recover",
        "return", "change", "pivot", "enter", "join", "quit", "leave", "write", "read", "search", "look", "ask", "answer",
        "not", "never", "implement", "integrate", "add", "support", "run", "fit",
    };

    private static readonly HashSet<string> SuitabilityWords = new(StringComparer.Ordinal)
    {
        "better", "best", "good", "worth", "suitable", "useful", "enough", "right", "easier", "harder",
    };

    private static readonly HashSet<string> LearningVerbs = new(StringComparer.Ordinal)
    {
        "know", "learn", "study", "focus", "master", "practise", "practice", "read", "pick", "prioritise", "prioritize", "understand",
    };

    /// <summary>
    /// Whether the role names who is asking rather than what is asked about: "what should a junior dev know about
    /// databases", "as a senior, which book should I read", "once I'm experienced, what other jobs could I pivot into". The guides' database passages never say "junior", and need
    /// not: the question is about databases. (A figure question keeps the role: "as a junior, what can I earn".)
    /// </summary>
    private static bool NamesTheReader(string lower, string role)
    {
        var words = lower.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var roleWords = role.Split(' ');
        for (var i = 0; i + roleWords.Length <= words.Length; i++)
        {
            if (!words.AsSpan(i, roleWords.Length).SequenceEqual(roleWords))
            {
                continue;
            }

            var asA = i >= 2 && words[i - 2] == "as" && words[i - 1] is "a" or "an";
            // "I'm" reads as "i m" once apostrophes are spaces
            var iAm = (i >= 1 && words[i - 1] == "im") || (i >= 2 && words[i - 2] == "i" && words[i - 1] is "am" or "m");
            var asAWithOneWordBetween = i >= 3 && words[i - 3] == "as" && words[i - 2] is "a" or "an";
            // "is the AWS Solutions Architect cert better for a junior": suits the reader, not the role's own facts
            var suitsA = i >= 3 && words[i - 2] == "for" && words[i - 1] is "a" or "an"
                && words[Math.Max(0, i - 5)..(i - 2)].Any(SuitabilityWords.Contains);
            var then = words.Skip(i + roleWords.Length).Take(3);
            if (asA || asAWithOneWordBetween || iAm || suitsA || then.Any(LearningVerbs.Contains))
            {
                return true;
            }
        }

        return false;
    }

    private static string Normalise(string text)
    {
        var chars = text.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) || c is '-' or '&' ? c : ' ').ToArray();
        return string.Join(' ', new string(chars).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    // The question's own spelling when it capitalised the name, else title case.
    private static string Display(string question, string lowered)
    {
        var at = question.IndexOf(lowered, StringComparison.OrdinalIgnoreCase);
        var asTyped = at >= 0 ? question.Substring(at, lowered.Length) : lowered;
        if (asTyped.Any(char.IsUpper) || lowered.Length <= 3)
        {
            return lowered.Length <= 3 ? asTyped.ToUpperInvariant() : asTyped;
        }

        return System.Globalization.CultureInfo.InvariantCulture.TextInfo.ToTitleCase(asTyped);
    }

    // Capitalised words after "in"/"at" that name a language, tool or role, not a place or employer.
    private static bool IsKnownWord(string name)
    {
        var first = name.Split(' ')[0];
        return TechAndCommonWords.Contains(first) || Places.ContainsKey(name.ToLowerInvariant()) || Companies.Contains(name);
    }

    private static readonly HashSet<string> TechAndCommonWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "Python", "Java", "JavaScript", "TypeScript", "Ruby", "Go", "Golang", "Rust", "PHP", "C", "C#", "C++", "Kotlin", "Scala",
        "Node", "Node.js", "SQL", "NoSQL", "MySQL", "PostgreSQL", "Postgres", "MongoDB", "Redis", "Docker", "Kubernetes",
        "Django", "Flask", "Spring", "Rails", "Express", "Express.js", "ASP.NET", ".NET", "Git", "Linux", "Azure", "GCP",
        "REST", "GraphQL", "API", "APIs", "CI", "CD", "CI/CD", "Jenkins", "DevOps", "I", "The", "A", "An", "My", "Your",
        "Backend", "Frontend", "Senior", "Junior", "Lead", "Computer", "Science", "CS", "Data", "Cloud", "Security", "Tech",
        "Stack", "Overflow", "GitHub", "LeetCode", "Coursera", "Udacity", "Part", "Step", "AI", "ML",
    };

    private static Dictionary<string, string[]> BuildPlaces()
    {
        string[] us = ["United States", "U.S.", "US", "USA", "America", "American"];
        var places = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["usa"] = us, ["united states"] = us, ["america"] = us, ["the states"] = us,
            ["uk"] = ["United Kingdom", "UK", "Britain", "England"], ["united kingdom"] = ["UK", "Britain", "England"],
            ["england"] = ["UK", "United Kingdom"], ["britain"] = ["UK", "United Kingdom"],
            ["san francisco"] = ["San Francisco", "SF", "Bay Area"], ["sf"] = ["San Francisco"], ["bay area"] = ["San Francisco"],
            ["new york"] = ["New York", "NYC"], ["nyc"] = ["New York"], ["seattle"] = [],
        };
        foreach (var name in new[]
        {
            "london", "manchester", "edinburgh", "dublin", "ireland", "berlin", "munich", "germany", "paris", "france",
            "amsterdam", "netherlands", "spain", "madrid", "barcelona", "lisbon", "portugal", "italy", "milan", "rome",
            "zurich", "switzerland", "vienna", "austria", "stockholm", "sweden", "oslo", "norway", "copenhagen", "denmark",
            "helsinki", "finland", "warsaw", "poland", "prague", "budapest", "romania", "ukraine", "kyiv", "europe", "eu",
            "canada", "toronto", "vancouver", "montreal", "mexico", "brazil", "sao paulo", "argentina", "chile", "colombia",
            "india", "bangalore", "bengaluru", "hyderabad", "pune", "mumbai", "delhi", "chennai", "pakistan", "lahore",
            "karachi", "bangladesh", "dhaka", "sri lanka", "nepal", "china", "beijing", "shanghai", "shenzhen", "hong kong",
            "taiwan", "japan", "tokyo", "korea", "seoul", "singapore", "malaysia", "indonesia", "jakarta", "vietnam",
            "philippines", "manila", "thailand", "bangkok", "australia", "sydney", "melbourne", "new zealand", "auckland",
            "nigeria", "lagos", "kenya", "nairobi", "south africa", "cape town", "johannesburg", "egypt", "cairo", "ghana",
            "morocco", "israel", "tel aviv", "turkey", "istanbul", "dubai", "uae", "saudi arabia", "russia", "moscow",
            "texas", "austin", "california", "los angeles", "boston", "chicago", "denver", "atlanta", "miami",
            "silicon valley",
        })
        {
            places.TryAdd(name, []);
        }

        return places;
    }
}
