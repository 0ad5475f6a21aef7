using System.Text.RegularExpressions;
using CoachBot.Core.Safety;

namespace CoachBot.Ai.Answers.Screening;

/// <summary>
/// Finds a reference to a particular person or group of people in a question: a name ("John Smith", "Sarah's"), a
/// person seen through a relation ("my ex", "her boss", "the moderators", "this user", "someone") or a chat mention.
/// A role with an indefinite article ("a junior developer", "backend engineers") is a kind of job, not a person.
/// </summary>
public static partial class PersonReference
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    // Capitalised words that are roles, places of work or tech, never a person's name on their own.
    private static readonly HashSet<string> NotNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "Backend", "Back-end", "Frontend", "Front-end", "Full-stack", "Fullstack", "Developer", "Developers", "Dev", "Devs",
        "Engineer", "Engineers", "Engineering", "Software", "Senior", "Junior", "Lead", "Staff", "Principal", "Architect",
        "Intern", "Manager", "Director", "Head", "Chief", "CTO", "CEO", "VP", "Data", "Cloud", "DevOps", "SRE", "Security",
        "Web", "Mobile", "I", "I'm", "I've", "OK", "Hi", "Hey", "Hello", "Please", "Thanks", "What", "What's", "Whats",
        "How", "Who", "Where", "When", "Why", "Which", "Can", "Could", "Would", "Should", "Do", "Does", "Is", "Are", "Give",
        "Tell", "Find", "Show", "Send", "List", "Get", "The", "A", "An", "And", "Or", "Of", "At", "In", "For", "My", "Your",
        "Python", "Java", "JavaScript", "Ruby", "Go", "Rust", "PHP", "SQL", "NoSQL", "MySQL", "PostgreSQL", "MongoDB",
        "Redis", "Docker", "Kubernetes", "AWS", "Azure", "Google", "Git", "GitHub", "Linux", "API", "APIs", "REST",
        "United", "States", "New", "York", "San", "Francisco", "Kingdom", "US", "USA", "UK", "EU", "London", "Berlin",
        "Amazon", "Meta", "Facebook", "Microsoft", "Apple", "Netflix", "PayPal", "Paypal", "Stripe", "Uber", "Airbnb",
        "Spotify", "Shopify", "IBM", "Oracle", "Instagram", "Twitter", "LinkedIn", "Glassdoor", "PayScale", "Epic",
        "Stack", "Overflow", "Coursera", "Udacity", "Django", "Spring", "Node", "Express",
    };

    // someone seen through a relation: "my ex", "his boss", "the moderators", "our admins", "this user"
    [GeneratedRegex(@"\b(my|his|her|their|our|your|the|this|that|these|those|some|a|an)\s+(\w+\s+)?(ex|ex-?(girlfriend|boyfriend|wife|husband|partner)|boss|manager|supervisor|co-?workers?|colleagues?|neighbou?rs?|friends?|teachers?|professors?|classmates?|roommates?|landlord|moderators?|mods?|admins?|administrators?|members?|users?|customers?|clients?|employees?|staff|ceo|cto|founders?|recruiters?|interviewers?|hiring managers?|girlfriend|boyfriend|wife|husband|partner|crush|sister|brother|mother|father|mom|mum|dad|cousin|person|guy|girl|woman|man|people)\b(?!\s+(role|position|job|level|career|salar(y|ies)))", Options, matchTimeoutMilliseconds: RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex RelatedPerson();

    [GeneratedRegex(@"\b(someone|somebody|anyone|anybody|everyone|everybody)\s*(else)?('s)?\b|\b(him|her|them)\b|(^|\s)@[^\s@]+", Options | RegexOptions.NonBacktracking)]
    private static partial Regex IndefiniteOrMention();

    // two or three capitalised words in a row (a full name), or one followed by a possessive ("Sarah's")
    [GeneratedRegex(@"\b([A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?)(?:\s+([A-Z][a-z]+(?:-[A-Z][a-z]+)?)){1,2}\b|\b([A-Z][a-z]+)'s\b", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex CapitalisedName();

    /// <summary>Whether the text points at a particular person or group of people.</summary>
    public static bool IsPresent(string text) => Find(text) is not null;

    /// <summary>The first reference found (for logs and tests), or null.</summary>
    public static string? Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var name = FindName(text);
        if (name is not null)
        {
            return name;
        }

        var related = RelatedPerson().Match(text);
        if (related.Success && !IsIndefiniteRole(related.Value))
        {
            return related.Value;
        }

        var other = IndefiniteOrMention().Match(text);
        return other.Success ? other.Value.Trim() : null;
    }

    /// <summary>A person's name (two or three capitalised words that are not roles, tech or places), or null.</summary>
    public static string? FindName(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (Match match in CapitalisedName().Matches(text))
        {
            var words = match.Value.Replace("'s", string.Empty, StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.All(w => !NotNames.Contains(w)))
            {
                return match.Value.EndsWith("'s", StringComparison.Ordinal) ? match.Value[..^2] : match.Value;
            }
        }

        return null;
    }

    // "a person" / "an employee" read as a kind of person, not a particular one ("what does a data person earn")
    private static bool IsIndefiniteRole(string match) =>
        match.StartsWith("a ", StringComparison.OrdinalIgnoreCase) || match.StartsWith("an ", StringComparison.OrdinalIgnoreCase);
}
