using System.Runtime.CompilerServices;
using CoachBot.Coaching.Interview.Bank;
using CoachBot.Core.Replies;
using CoachBot.Knowledge.Guides;
using CoachBot.Knowledge.Retrieval;

namespace CoachBot.Coaching.Interview.Feedback;

/// <summary>
/// The guide material behind a question: its referenced section (as a citation and as text) and the retrieved passages
/// on its topic.
/// </summary>
public sealed class InterviewTopicSources(GuideCatalog catalog, IPassageRetriever retriever)
{
    public const int PassageCount = 3;

    private readonly ConditionalWeakTable<InterviewQuestion, IReadOnlyList<ScoredPassage>> _passages = [];

    /// <summary>Most characters of the reference section given to the model.</summary>
    public const int MaxReferenceChars = 2500;

    /// <summary>
    /// The text of the question's reference section, as "Guide › Section" then its paragraphs (and those of its
    /// sub-sections, when the heading itself has none), cut at <see cref="MaxReferenceChars"/>; null when the guides no
    /// longer have it.
    /// </summary>
    public string? ReferenceText(InterviewQuestion question)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (catalog.FindSection(question.Reference) is not { } section)
        {
            return null;
        }

        var paragraphs = catalog.Sections
            .Where(s => s.GuideId == section.GuideId && s.Path.Count >= section.Path.Count && s.Path.Take(section.Path.Count).SequenceEqual(section.Path))
            .SelectMany(s => s.Paragraphs)
            .Select(p => p.Text.Trim())
            .Where(p => p.Length > 0);
        var text = new System.Text.StringBuilder(section.ToCitation().Display).Append('\n');
        foreach (var paragraph in paragraphs)
        {
            if (text.Length + paragraph.Length + 1 > MaxReferenceChars)
            {
                break;
            }

            text.Append(paragraph).Append('\n');
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>The section the bank references for this question, or null if the guides no longer have it.</summary>
    public Citation? ReferenceCitation(InterviewQuestion question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return catalog.FindSection(question.Reference)?.ToCitation();
    }

    /// <summary>
    /// Passages for the question's topic: retrieval over the question and its rubric, best first. The query is the bank's
    /// own text, never the member's, so once semantic retrieval has searched it (its vectors are final: the result
    /// carries the query's vector) the passages are kept for the question: embedding the question and its rubric again
    /// for every answer cost about 10 ms of CPU each time. Lexical-only results (the model off, still warming up, or
    /// failing) are cheap and are not kept.
    /// </summary>
    public IReadOnlyList<ScoredPassage> Passages(InterviewQuestion question)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (_passages.TryGetValue(question, out var kept))
        {
            return kept;
        }

        var query = question.Question + " " + string.Join(' ', question.Rubric.Select(p => p.Point));
        var result = retriever.Search(query, PassageCount);
        return result.QueryVector is null ? result.Passages : _passages.GetValue(question, _ => result.Passages);
    }

    /// <summary>The reference section first, then the passages' sections, without repeats.</summary>
    public IReadOnlyList<Citation> Citations(InterviewQuestion question, IReadOnlyList<ScoredPassage> passages)
    {
        ArgumentNullException.ThrowIfNull(passages);
        var citations = new List<Citation>();
        if (ReferenceCitation(question) is { } reference)
        {
            citations.Add(reference);
        }

        foreach (var passage in passages)
        {
            var citation = passage.Passage.ToCitation();
            if (!citations.Contains(citation))
            {
                citations.Add(citation);
            }
        }

        return citations;
    }
}
