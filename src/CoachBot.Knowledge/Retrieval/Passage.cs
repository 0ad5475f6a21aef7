using CoachBot.Core.Replies;

namespace CoachBot.Knowledge.Retrieval;

/// <summary>
/// A retrievable chunk of a guide: one to three paragraphs under one heading, text verbatim from the guide.
/// <see cref="Id"/> is stable across restarts (guide id, section slug and ordinal), so prompts and logs can name it.
/// </summary>
public sealed record Passage(string Id, string GuideId, string GuideTitle, IReadOnlyList<string> SectionPath, string Text)
{
    public Citation ToCitation() => new(GuideId, GuideTitle, SectionPath);
}
