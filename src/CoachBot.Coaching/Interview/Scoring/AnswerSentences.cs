namespace CoachBot.Coaching.Interview.Scoring;

/// <summary>
/// Splits a candidate's answer into the sentences (and clauses) that are matched one by one against the rubric: at
/// sentence ends (". ", "! ", "? "), semicolons, line breaks (bullets and numbered lists) and clause joints such as
/// ", and " or ", but ", so each unit carries about one idea. Fragments without a letter are dropped;
/// very long answers are cut at <see cref="MaxSentences"/> so one message cannot make the scorer embed a book.
/// </summary>
public static class AnswerSentences
{
    public const int MaxSentences = 32;

    public static IReadOnlyList<string> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sentences = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length && sentences.Count < MaxSentences; i++)
        {
            var c = text[i];
            var end = c is '\n' or '\r' or ';'
                || (c is '.' or '!' or '?' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])) && !IsAbbreviation(text, i));
            if (end)
            {
                Add(sentences, text[start..(i + 1)]);
                start = i + 1;
            }
        }

        if (start < text.Length && sentences.Count < MaxSentences)
        {
            Add(sentences, text[start..]);
        }

        return sentences;
    }

    /// <summary>Clause joints where a long sentence usually moves on to a new idea.</summary>
    private static readonly string[] ClauseJoints = [", and ", ", so ", ", but ", ", while ", ", whereas "];

    private static void Add(List<string> sentences, string fragment)
    {
        var sentence = fragment.Trim().TrimStart('-', '*', '•').Trim();
        foreach (var clause in sentence.Split(ClauseJoints, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (clause.Any(char.IsLetter) && sentences.Count < MaxSentences)
            {
                sentences.Add(clause);
            }
        }
    }

    // "e.g. ", "i.e. ", "vs. ", "etc. " do not end a sentence.
    private static bool IsAbbreviation(string text, int dot)
    {
        var wordStart = dot;
        while (wordStart > 0 && (char.IsLetter(text[wordStart - 1]) || text[wordStart - 1] == '.'))
        {
            wordStart--;
        }

        var word = text[wordStart..dot].ToLowerInvariant();
        return word is "e.g" or "i.e" or "vs" or "etc" or "eg" or "ie" or "approx" or "a.k.a";
    }
}
