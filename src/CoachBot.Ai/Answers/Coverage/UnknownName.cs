using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using CoachBot.Ai.Answers.Screening;
using CoachBot.Core.Safety;
using CoachBot.Knowledge.Guides;

namespace CoachBot.Ai.Answers.Coverage;

/// <summary>
/// Finds the one name in a question the guides never use ("Should I learn Rust for backend work?"): a capitalised word
/// inside the sentence (not its first word), not a person or place the question's other details already name, not a
/// short acronym ("PM", "SRE": the guides spell those out). A company the guides never name is one ("the interview
/// process at Spotify"): a question declined with it is judged again without it. Such a question is about the backend
/// career with a subject the guides lack, so it is answered as partly covered ("The guides don't say anything specific
/// about Rust; the closest they have:") when the rest of it is covered, instead of declined as off-topic. Lower-case words are never taken: an everyday word the guides happen not
/// to use ("series", "pivot") is no subject of its own, except the technologies <see cref="TechnologyKinds"/> lists.
/// </summary>
public static partial class UnknownName
{
    private static readonly ConditionalWeakTable<GuideCatalog, HashSet<string>> WordsByCatalog = [];

    [GeneratedRegex(@"[A-Za-z][A-Za-z0-9+#.-]*", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, matchTimeoutMilliseconds: RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex Word();

    /// <summary>The name, or null when the question has none, or more than one (then it is about something else).</summary>
    public static string? In(string question, GuideCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(catalog);
        var known = WordsByCatalog.GetValue(catalog, GuideWords);
        var named = QuestionConstraints.Of(question);
        var person = PersonReference.FindName(question);
        string? found = null;
        foreach (Match match in Word().Matches(question))
        {
            var word = match.Value.TrimEnd('.', '-');
            // A listed technology counts in lower case and at the start of a sentence too ("should i learn rust?",
            // "Kotlin or Java?"), unless its lower-case spelling is also an everyday word ("swift").
            var listed = TechnologyKinds.KindOf(word) is not null;
            var plainName = TechnologyKinds.IsNameInLowerCase(word);
            if (!(char.IsUpper(word[0]) || plainName) || word.Length < 2 || (IsShortAcronym(word) && !listed && !NamesACertificate(question, match))
                || (StartsASentence(question, match.Index) && !plainName)
                || known.Contains(word.ToLowerInvariant()) || known.Contains(word.ToLowerInvariant().TrimEnd('s'))
                || (person is not null && person.Contains(word, StringComparison.Ordinal))
                || named.Any(c => c.Text.Contains(word, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            if (found is not null && !found.Equals(word, StringComparison.Ordinal))
            {
                return null;
            }

            found = word;
        }

        return found ?? UnknownTitle(question, catalog, named, person) ?? UnknownCompany(named, known);
    }

    /// <summary>
    /// "What's the interview process like at Spotify?": the one company the question names, when no guide names it. Only
    /// when nothing else is unknown: "Elixir with Phoenix" is about Elixir, whatever "with Phoenix" reads as.
    /// </summary>
    private static string? UnknownCompany(IReadOnlyList<QuestionConstraint> named, HashSet<string> known)
    {
        var companies = named.Where(c => c.Kind == ConstraintKind.Company && !c.Text.Contains(' ', StringComparison.Ordinal) && !known.Contains(c.Text.ToLowerInvariant())).ToList();
        return companies.Count == 1 ? companies[0].Text : null;
    }

    /// <summary>
    /// "Is the AWS Solutions Architect cert worth it?": every word is a guide word, but the name they make together is in
    /// no guide (the guides name only the AWS Certified Developer certificate). A run of two to four capitalised words inside
    /// the sentence that no guide text contains is such a name. A question written in title case has no such runs to
    /// trust, and a person, place or company the question names ("in New York", "at Goldman Sachs") is the other details'
    /// business; a name that only starts with one ("AWS Solutions Architect") is a name of its own.
    /// </summary>
    private static string? UnknownTitle(string question, GuideCatalog catalog, IReadOnlyList<QuestionConstraint> named, string? person)
    {
        var words = Word().Matches(question).ToList();
        if (words.Count == 0 || words.Count(w => char.IsUpper(w.Value[0])) * 2 > words.Count)
        {
            return null;
        }

        var text = TextsByCatalog.GetValue(catalog, GuideText);
        string? found = null;
        var run = new List<Match>();
        foreach (var word in words.Append(null))
        {
            var adjacent = word is not null && run.Count > 0 && question[(run[^1].Index + run[^1].Length)..word.Index].Trim().Length == 0 && !StartsASentence(question, word.Index);
            if (word is not null && char.IsUpper(word.Value[0]) && (run.Count == 0 ? !StartsASentence(question, word.Index) : adjacent))
            {
                run.Add(word);
                continue;
            }

            // Two title-case words at least ("Solutions Architect", "Spring Boot"): acronyms beside a plural ("REST APIs")
            // are the guides' own terms in other words, not a name.
            if (run.Count is >= 2 and <= 4 && run.Count(w => IsTitleCase(w.Value)) >= 2)
            {
                var title = question[run[0].Index..(run[^1].Index + run[^1].Length)].TrimEnd('.', '-');
                var plain = " " + string.Join(' ', run.Select(w => w.Value.TrimEnd('.', '-').ToLowerInvariant()));
                var singular = plain.EndsWith('s') ? plain[..^1] : plain;
                var inGuides = text.Contains(plain + " ", StringComparison.Ordinal) || text.Contains(singular + " ", StringComparison.Ordinal);
                if (!inGuides
                    && !(person is not null && person.Contains(title, StringComparison.Ordinal))
                    && !named.Any(c => c.Kind is ConstraintKind.Company or ConstraintKind.Place or ConstraintKind.Person && c.Text.Contains(title, StringComparison.OrdinalIgnoreCase)))
                {
                    if (found is not null)
                    {
                        return null;
                    }

                    found = title;
                }
            }

            run.Clear();
            if (word is not null && char.IsUpper(word.Value[0]) && !StartsASentence(question, word.Index))
            {
                run.Add(word);
            }
        }

        return found;
    }

    private static bool IsTitleCase(string word) => word.Length >= 2 && char.IsUpper(word[0]) && word.Skip(1).All(c => !char.IsLetter(c) || char.IsLower(c));

    private static readonly ConditionalWeakTable<GuideCatalog, string> TextsByCatalog = [];

    /// <summary>Every heading and paragraph of the guides as lower-case words, one space apart, each text between spaces.</summary>
    private static string GuideText(GuideCatalog catalog)
    {
        var builder = new System.Text.StringBuilder(" ");
        foreach (var section in catalog.Sections)
        {
            foreach (var text in section.Path.Append(section.GuideTitle).Concat(section.Paragraphs.Select(p => p.Text)))
            {
                foreach (Match match in Word().Matches(text))
                {
                    builder.Append(match.Value.TrimEnd('.', '-').ToLowerInvariant()).Append(' ');
                }

                builder.Append("| ");
            }
        }

        return builder.ToString();
    }

    // "PM", "QA", "SRE" stand for things the guides spell out ("Product Management"): not a subject they lack.
    private static bool IsShortAcronym(string word) => word.Length <= 3 && word.All(char.IsUpper);

    /// <summary>"the CKA Kubernetes certification", "is the CKAD exam worth it": an acronym before a certificate word is the certificate's name.</summary>
    private static bool NamesACertificate(string question, Match acronym) =>
        CertificateAfter().IsMatch(question, acronym.Index + acronym.Length);

    [GeneratedRegex(@"\G(\s+[A-Z][A-Za-z0-9]*){0,2}\s+(cert|certs|certificate|certificates|certification|certifications|exam|exams)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex CertificateAfter();

    private static bool StartsASentence(string text, int index)
    {
        var before = text[..index].TrimEnd();
        return before.Length == 0 || before[^1] is '.' or '!' or '?' or ':' or '"' or '“' or '(';
    }

    private static HashSet<string> GuideWords(GuideCatalog catalog)
    {
        var words = new HashSet<string>(StringComparer.Ordinal) { "i" };
        foreach (var section in catalog.Sections)
        {
            foreach (var text in section.Path.Append(section.GuideTitle).Concat(section.Paragraphs.Select(p => p.Text)))
            {
                foreach (Match match in Word().Matches(text))
                {
                    words.Add(match.Value.TrimEnd('.', '-').ToLowerInvariant());
                }
            }
        }

        return words;
    }
}
