using CoachBot.Knowledge.Expansions;
using CoachBot.Knowledge.Guides;
using CoachBot.Knowledge.Synonyms;

namespace CoachBot.Knowledge;

/// <summary>Everything read from the knowledge folder that retrieval needs: the guides, the synonym list and the section expansions.</summary>
public sealed record KnowledgeBase(GuideCatalog Catalog, SynonymSet Synonyms, SectionExpansions Expansions)
{
    /// <summary>The folder it was read from (null when built in memory): where the bundled passage vectors are looked for.</summary>
    public string? Directory { get; init; }

    /// <summary>Reads <c>guides/</c>, <c>synonyms.txt</c> and <c>expansions/</c> of a knowledge folder.</summary>
    public static KnowledgeBase Load(string knowledgeDirectory)
    {
        var catalog = GuideCatalog.Load(knowledgeDirectory);
        var synonyms = SynonymSet.Load(Path.Combine(knowledgeDirectory, "synonyms.txt"));
        var expansions = SectionExpansions.Load(Path.Combine(knowledgeDirectory, "expansions"), catalog);
        return new KnowledgeBase(catalog, synonyms, expansions) { Directory = knowledgeDirectory };
    }
}
