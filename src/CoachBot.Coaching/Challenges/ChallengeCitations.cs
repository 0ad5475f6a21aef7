using CoachBot.Core.Replies;
using CoachBot.Knowledge;
using CoachBot.Knowledge.Guides;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Coaching.Challenges;

/// <summary>
/// Turns a bank challenge's <c>guide-id#section-slug</c> references into citations, through the guide catalog when the
/// host has registered one (directly or inside the <see cref="KnowledgeBase"/>); without it, posts go out without sources.
/// </summary>
public sealed class ChallengeCitations(IServiceProvider services)
{
    private readonly Lazy<GuideCatalog?> _catalog = new(() =>
        services.GetService<GuideCatalog>() ?? services.GetService<KnowledgeBase>()?.Catalog);

    public IReadOnlyList<Citation> For(IReadOnlyList<string> references)
    {
        ArgumentNullException.ThrowIfNull(references);
        var catalog = _catalog.Value;
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
