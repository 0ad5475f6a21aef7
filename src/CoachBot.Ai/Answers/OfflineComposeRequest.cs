using CoachBot.Ai.Answers.Meaning;
using CoachBot.Knowledge.Guides;
using CoachBot.Knowledge.Retrieval;

namespace CoachBot.Ai.Answers;

/// <summary>
/// What the offline composer works from: the retrieved passages (best first), the question as asked (its words weigh
/// most), an optional earlier question the follow-up builds on, and the terms retrieval expanded the query with.
/// Optional: how close in meaning the question is to each sentence (<see cref="Meaning"/>; null when the model is off),
/// the previous answer's text (its quotes are not repeated), and an opening line to use instead of the default one
/// (a partly covered answer says first what the guides lack).
/// </summary>
public sealed record OfflineComposeRequest(
    IReadOnlyList<ScoredPassage> Passages,
    string Question,
    string? Context = null,
    IReadOnlyList<string>? ExpandedTerms = null)
{
    public QuestionMeaning? Meaning { get; init; }

    public string? PreviousAnswer { get; init; }

    public string? Opening { get; init; }

    /// <summary>
    /// By passage id, the headings under that passage's section (<see cref="GuideSubsections"/>): when the answer quotes
    /// such a passage, it names them after the quote. Null or empty: nothing is added.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? Subsections { get; init; }

    /// <summary>
    /// By passage id, the paragraphs of the passage's whole section (<see cref="GuideSubsections.ParagraphsOf"/>): a list
    /// the passage's chunk cuts off is completed from them, so its lead-in can be quoted. Null: lists end with their chunk.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<GuideParagraph>>? SectionParagraphs { get; init; }
}
