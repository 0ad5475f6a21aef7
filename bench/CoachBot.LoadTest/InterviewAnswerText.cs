using System.Text;

namespace CoachBot.LoadTest;

/// <summary>
/// A plausible answer to an interview question: it restates the question's own words (so the rubric check sees it is
/// on topic and scores it rather than nudging) and adds a few sentences of a typical answer.
/// </summary>
internal static class InterviewAnswerText
{
    private const int MaxQuoted = 400;

    public static string For(string questionMessage)
    {
        ArgumentNullException.ThrowIfNull(questionMessage);
        var plain = new StringBuilder();
        foreach (var c in questionMessage)
        {
            plain.Append(c is '*' or '_' or '`' or '#' or '>' or '~' or '\r' or '\n' ? ' ' : c);
        }

        var quoted = plain.ToString().Trim();
        if (quoted.Length > MaxQuoted)
        {
            quoted = quoted[..MaxQuoted];
        }

        return "About " + quoted + ": in my last project I handled this by measuring first, then choosing the simplest design that fit, "
            + "for example an index on the columns we filtered on and a transaction around the writes. "
            + "I would explain the trade-offs, how I tested it and what I would monitor in production.";
    }

    /// <summary>True for scored feedback, false for a nudge ("too short", "off topic") or a refusal.</summary>
    public static bool IsFeedback(string reply) => reply.Contains("Feedback", StringComparison.Ordinal);
}
