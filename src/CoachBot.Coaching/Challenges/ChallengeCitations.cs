using CoachBot.Core.Replies;
using CoachBot.Knowledge.Guides;

namespace CoachBot.Coaching.Challenges;

/// <summary>
/// Turns a bank challenge's <c>guide-id#section-slug</c> references into citations, through the guide catalog when the
/// host has registered one (AddKnowledge() does); without it, posts go out without sources.
/// </summary>
public sealed class ChallengeCitations(GuideCatalog? catalog = null)
{
    public IReadOnlyList<Citation> For(IReadOnlyList<string> references)
    {
        ArgumentNullException.ThrowIfNull(references);
        if (catalog is null)
        {
            return [];
        }

        return references
            .Select(catalog.FindSection)
            .OfType<GuideSection>()
            .Select(section => section.ToCitation())
            .Distinct()
            .ToList();
    }
}
