namespace CoachBot.Ai.Answers.Coverage;

/// <summary>What kind of detail a question pins its answer to.</summary>
public enum ConstraintKind
{
    Year,
    Place,
    Company,
    Role,
    Person,

    /// <summary>What the question asks how to do ("how do I negotiate…"), when it is a specific action, not "get" or "learn".</summary>
    Action,

    /// <summary>A name the guides never use ("Rust", "Elixir"): see <see cref="UnknownName"/>.</summary>
    Name,

    /// <summary>A career topic the guides never treat ("résumés", "burnout", "visas"), named in the question.</summary>
    Topic,
}

/// <summary>
/// A detail the answer must be about ("London", "2025", "a CTO"): <see cref="Text"/> as the question put it, and the
/// words a passage may use for it instead (<see cref="Alternatives"/>, e.g. "entry-level" for "junior").
/// </summary>
public sealed record QuestionConstraint(ConstraintKind Kind, string Text, IReadOnlyList<string> Alternatives)
{
    /// <summary>Whether a text mentions this detail (case-insensitive, whole words).</summary>
    public bool IsMentionedIn(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Alternatives.Prepend(Text).Any(word => ContainsWord(text, word, Kind == ConstraintKind.Company));
    }

    /// <param name="notInALongerName">
    /// For a company: "Google Cloud", "Microsoft Azure" name a product, not the employer the question is about, so a
    /// mention followed by another capitalised word does not count.
    /// </param>
    private static bool ContainsWord(string text, string word, bool notInALongerName)
    {
        var at = 0;
        while ((at = text.IndexOf(word, at, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            var startOk = at == 0 || !char.IsLetterOrDigit(text[at - 1]);
            var end = at + word.Length;
            var endOk = end >= text.Length || !char.IsLetterOrDigit(text[end]) || (end < text.Length && text[end] == 's');
            var inLongerName = notInALongerName && end + 1 < text.Length && text[end] == ' ' && char.IsUpper(text[end + 1]);
            if (startOk && endOk && !inLongerName)
            {
                return true;
            }

            at = end;
        }

        return false;
    }
}
