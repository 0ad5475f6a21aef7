using System.Text.RegularExpressions;
using CoachBot.Knowledge.Semantic;

namespace CoachBot.Ai.Answers.Meaning;

/// <summary>
/// Names in a question that the sentence model cannot read: words of four letters or more that are no whole word of its
/// vocabulary ("leetcode", "codewars"). The model splits them into word pieces, so its cosines say nothing about them
/// (0.06 between "is leetcode worth grinding" and the passage listing leetcode). Where such a name is what a passage
/// and the question share, the words, not the cosine, tell whether the passage is about the question. Typos are names
/// too, but they are not found verbatim in a guide.
/// </summary>
public static partial class UnreadableNames
{
    /// <summary>Shorter words ("sql", "aws") are abbreviations the model's vocabulary mostly has.</summary>
    public const int MinLength = 4;

    /// <summary>The question's names the model cannot read, lower case; none when the vocabulary is not available.</summary>
    public static IReadOnlyList<string> In(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var vocabulary = ModelVocabulary.WholeWords;
        if (vocabulary.Count == 0)
        {
            return [];
        }

        return Word().Matches(question)
            .Select(match => match.Value.ToLowerInvariant())
            .Where(word => word.Length >= MinLength && !vocabulary.Contains(word))
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Whether <paramref name="text"/> has one of <paramref name="names"/> as a whole word.</summary>
    public static bool AnyIn(IReadOnlyList<string> names, string text)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(text);
        return names.Count > 0 && Word().Matches(text).Any(match => names.Contains(match.Value.ToLowerInvariant()));
    }

    [GeneratedRegex(@"[A-Za-z][A-Za-z0-9]+", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex Word();
}
