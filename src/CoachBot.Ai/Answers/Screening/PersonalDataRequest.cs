using System.Text.RegularExpressions;
using CoachBot.Core.Safety;

namespace CoachBot.Ai.Answers.Screening;

/// <summary>
/// Spots a request for personal data about someone by its shape, one sentence at a time: a personal-data noun
/// (home address, phone number, email, date of birth, password, location, pay) that belongs to someone — possessed
/// ("John Smith's phone number", "her email"), or "of"/"for" someone ("the emails of the moderators") — together
/// with a reference to a particular person or group (<see cref="PersonReference"/>); or asking where someone lives or
/// what a particular person earns. Salary questions about a role ("what does a senior engineer make") are the
/// coach's business. Questions about handling such data ("how do I store users' emails securely", "read the email
/// from the OAuth token") carry a safeguarding or technical word and are ordinary technical questions, and a person's
/// own data ("my email") points at nobody else.
/// </summary>
public static partial class PersonalDataRequest
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    private const string Data =
        @"((home|street|mailing|postal|physical|house|ip|personal|private|work)\s+)?address(es)?|(phone|cell|mobile|telephone|whatsapp)(\s+numbers?)?|numbers?|e-?mails?(\s+address(es)?)?|contact\s+(details|info(rmation)?)|date\s+of\s+birth|birth\s?days?|social\s+security(\s+numbers?)?|ssn|passport(\s+numbers?)?|national\s+id|bank\s+(details|account)|credit\s+cards?|passwords?|medical\s+(records?|history)|real\s+names?|(current\s+|exact\s+)?locations?|salary|salaries|pay\s?checks?|pay|income|net\s+worth|earnings|compensation|bonus";

    // "John Smith's home address", "her email", "the moderators' emails", "my ex's number"
    [GeneratedRegex(@"(\b\w+'s?|\w+s'|\b(their|his|her))\s+(\w+\s+){0,1}(" + Data + @")\b", Options | RegexOptions.NonBacktracking)]
    private static partial Regex PossessedData();

    // "the emails of the moderators", "home address for John Smith"
    [GeneratedRegex(@"\b(" + Data + @")\s+(of|for|belonging\s+to)\s+(?<whom>.+)$", Options | RegexOptions.NonBacktracking)]
    private static partial Regex DataOfSomeone();

    // "where does John Smith live", "where do the admins live"
    [GeneratedRegex(@"\bwhere\s+(does|do|did|is|are)\s+(?<whom>.{1,40}?)\s+(live|lives|living|stay|staying|reside|residing)\b", Options | RegexOptions.NonBacktracking)]
    private static partial Regex WhereLives();

    // "how much does my manager make", "how much does John Smith earn"
    [GeneratedRegex(@"\bhow\s+much\s+(does|did|is)\s+(?<whom>.{1,40}?)\s+(make|making|earn|earning|get\s+paid|paid|take\s+home)\b", Options | RegexOptions.NonBacktracking)]
    private static partial Regex WhatSomeoneEarns();

    [GeneratedRegex(@"\b(store|storing|stored|protect\w*|secur(e|ing)|encrypt\w*|hash\w*|validat\w*|saniti[sz]\w*|mask\w*|anonymi[sz]\w*|pseudonymi[sz]\w*|handl\w*|gdpr|comply|compliance|regex|format\w*|schema|column|field|table|query|oauth|jwt|token|api|endpoint|payload|form|input|verif\w*|template|header)\b", Options | RegexOptions.NonBacktracking)]
    private static partial Regex HandlingCue();

    [GeneratedRegex(@"(?<=[.!?;\n])\s+", Options, matchTimeoutMilliseconds: RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex SentenceBoundary();

    public static bool IsMatch(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        foreach (var sentence in SentenceBoundary().Split(question))
        {
            if (!HandlingCue().IsMatch(sentence) && AsksForSomeonesData(sentence))
            {
                return true;
            }
        }

        return false;
    }

    private static bool AsksForSomeonesData(string sentence)
    {
        foreach (Match possessed in PossessedData().Matches(sentence))
        {
            var owner = possessed.Groups[1].Value;
            if (owner.Equals("my", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            // "the CTO's salary" is a question about a role; "John Smith's salary" and "my boss's pay" are about a person
            if (IsPay(possessed.Value))
            {
                if (IsParticularPersonForPay(sentence[..(possessed.Index + owner.Length)]))
                {
                    return true;
                }

                continue;
            }

            // the owner must be a person: a name, a relation or the pronoun itself ("her email"), or people by their job
            // ("the Netflix engineers' emails")
            var isPerson = owner.ToUpperInvariant() switch
            {
                "HIS" or "HER" => true,
                "THEIR" => PersonReference.IsPresent(sentence) || (IsContactData(possessed.Value) && PeopleByTheirJob(sentence)),
                _ => PersonReference.IsPresent(sentence[..(possessed.Index + owner.Length)])
                    || (IsContactData(possessed.Value) && PeopleByTheirJob(sentence[..(possessed.Index + owner.Length)])),
            };
            if (isPerson)
            {
                return true;
            }
        }

        foreach (var pattern in new[] { DataOfSomeone(), WhereLives(), WhatSomeoneEarns() })
        {
            var match = pattern.Match(sentence);
            if (!match.Success)
            {
                continue;
            }

            var whom = match.Groups["whom"].Value;
            var aboutPay = pattern == WhatSomeoneEarns() || IsPay(match.Value[..(match.Groups["whom"].Index - match.Index)]);
            var asked = sentence[..match.Groups["whom"].Index];
            if (aboutPay ? IsParticularPersonForPay(whom) : IsParticularPerson(whom) || (IsContactData(asked) && PeopleByTheirJob(whom)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsPay(string text) => PayWord().IsMatch(text);

    // Pay belongs to a particular person when they are named, or are someone's ("my manager", "her boss", "@sam");
    // "the CTO" or "a lead" is a role.
    private static bool IsParticularPersonForPay(string whom) =>
        PersonReference.FindName(whom) is not null || OwnedPerson().IsMatch(whom);

    [GeneratedRegex(@"\b(salary|salaries|pay\s?checks?|pay|income|net\s+worth|earnings|compensation|bonus)\b", Options | RegexOptions.NonBacktracking)]
    private static partial Regex PayWord();

    [GeneratedRegex(@"\b(my|his|her|our|their|your)\s+(\w+\s+)?\w+|(^|\s)@[^\s@]+|\b(him|her)\b", Options | RegexOptions.NonBacktracking)]
    private static partial Regex OwnedPerson();

    private static bool IsParticularPerson(string whom) =>
        PersonReference.FindName(whom) is not null || PersonReference.Find(whom) is { } found && !found.Equals("them", StringComparison.OrdinalIgnoreCase);

    // Contact details of particular people named by their job ("the emails of the backend engineers at Netflix", "the
    // Netflix engineers' phone numbers") are those people's personal data. "A recruiter", "any engineer" or plain
    // "recruiters" is a kind of person, and "the number of engineers" asks for no one's data. Pay is not judged here: what
    // engineers earn is a question about the role.
    private static bool PeopleByTheirJob(string whom) =>
        JobHolders().Match(whom) is { Success: true } match
        && !IndefiniteJobHolder().IsMatch(whom[..(match.Index + match.Length)])
        && ParticularGroup().IsMatch(whom);

    private static bool IsContactData(string text) => ContactData().IsMatch(text);

    [GeneratedRegex(@"\b(engineers?|developers?|devs|programmers?|coders?|recruiters?|employees?|workers?|staff|team\s?mates?|people|hiring\s+managers?|interviewers?|(co-?)?founders?|executives?|ceos?|ctos?|cfos?|coos?|cios?|cisos?|vps?|presidents?|directors?|managers?|owners?|head\s+of\s+\w+)\b", Options | RegexOptions.NonBacktracking)]
    private static partial Regex JobHolders();

    [GeneratedRegex(@"\b(a|an|any|one|some)\s+(\w+\s+){0,2}(engineer|developer|dev|programmer|coder|recruiter|employee|worker|hiring\s+manager|interviewer|founder|executive)$", Options | RegexOptions.NonBacktracking)]
    private static partial Regex IndefiniteJobHolder();

    // "the engineers", "those recruiters", "all the devs", "engineers at Netflix", "devs from Google", "PayPal's CTO"
    [GeneratedRegex(@"\b(the|these|those|their|our|your|all)\s|\s(at|from|in|on|of)\s+\w+|\w'?s\s", Options | RegexOptions.NonBacktracking)]
    private static partial Regex ParticularGroup();

    [GeneratedRegex(@"\b(address(es)?|phone|cell|mobile|telephone|whatsapp|e-?mails?|contact|birth|birthdays?|social\s+security|ssn|passport|national\s+id|bank|credit\s+cards?|passwords?|medical|real\s+names?)\b", Options | RegexOptions.NonBacktracking)]
    private static partial Regex ContactData();
}
