using System.Text;
using CoachBot.Core.Replies;

namespace CoachBot.Ai.Answers;

/// <summary>
/// The coach's answer to one question. <see cref="Text"/> is Markdown whose [n] markers number <see cref="Citations"/>
/// (adapters render those as the Sources list); <see cref="Note"/> is a short footer, e.g. that the model did not
/// respond and the guide's own words are shown instead.
/// </summary>
public sealed record Answer(string Text, IReadOnlyList<Citation> Citations, bool Declined, bool UsedLlm, string? Note = null)
{
    /// <summary>What the coach decided: answered, partly answered, not covered, or refused (and why).</summary>
    public AnswerVerdict Verdict { get; init; } = Declined ? AnswerVerdict.Declined : AnswerVerdict.Answered;

    /// <summary>What retrieval found for the answer (confidence, ranked passages and scores); empty for a decline.</summary>
    public AnswerEvidence Evidence { get; init; } = AnswerEvidence.None;

    public static Answer Decline(string text) => new(text, [], Declined: true, UsedLlm: false);

    /// <summary>The text followed by a numbered Sources list (for plain-text outputs that have no Sources rendering).</summary>
    public string ToMarkdown()
    {
        var text = new StringBuilder(Text);
        if (Citations.Count > 0)
        {
            text.Append("\n\n**Sources**");
            for (var i = 0; i < Citations.Count; i++)
            {
                text.Append('\n').Append(i + 1).Append(". ").Append(Citations[i].Display);
            }
        }

        if (Note is not null)
        {
            text.Append("\n\n_").Append(Note).Append('_');
        }

        return text.ToString();
    }
}
