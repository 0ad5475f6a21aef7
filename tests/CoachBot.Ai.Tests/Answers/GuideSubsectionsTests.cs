using CoachBot.Knowledge.Guides;

namespace CoachBot.Ai.Tests.Answers;

/// <summary>
/// A quoted section introduction names the sections under it ("More in [1]: …"): a broad question such as "what skills
/// do I need?" retrieves introductions whose sentences stay general, while the guide's answer is in the sub-sections.
/// </summary>
public sealed class GuideSubsectionsTests
{
    private static readonly Lazy<GuideCatalog> Catalog = new(() => GuideCatalog.Load(RepoPaths.Knowledge));

    private static ScoredPassage Passage(string id, string text) =>
        new(new Passage(id, "test", "Test Guide", ["Skills"], text), 10f);

    [Fact]
    public void Of_ASectionWithSubsections_GivesTheirHeadingsWithoutNumbers()
    {
        var intro = Passage("how-to-become-backend-engineer#skills-are-required-to-become-a-backend-engineer/1", "Skills matter.");

        var headings = GuideSubsections.Of(Catalog.Value, [intro])[intro.Passage.Id];

        Assert.Contains("Understanding of Databases", headings);
        Assert.DoesNotContain(headings, heading => char.IsDigit(heading[0]));
    }

    [Fact]
    public void Of_ASectionWithoutSubsections_GivesNothing()
    {
        var leaf = Passage("how-to-become-backend-engineer#backend-engineering-salaries/1", "Salaries vary.");
        Assert.NotNull(Catalog.Value.FindSection("how-to-become-backend-engineer#backend-engineering-salaries"));   // a real section, just without children

        Assert.Empty(GuideSubsections.Of(Catalog.Value, [leaf]));
    }

    [Fact]
    public void Compose_QuotedPassageWithSubsections_NamesThemOnceAfterItsQuote()
    {
        var intro = Passage("test#skills/1", "A backend engineer needs a broad set of skills, from servers to data security.");
        var other = Passage("test#other/1", "Backend engineers need skills that grow with the systems they run.");
        var subsections = new Dictionary<string, IReadOnlyList<string>>
        {
            [intro.Passage.Id] = ["Programming", "Databases", "APIs"],
            [other.Passage.Id] = ["Never shown"],
        };

        var answer = OfflineComposer.Compose(new OfflineComposeRequest([intro, other], "what skills does a backend engineer need?") { Subsections = subsections });

        Assert.Contains("\nMore in [1]: Programming · Databases · APIs", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Never shown", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_ManySubsections_NamesAtMostTwelveThenAnEllipsis()
    {
        var intro = Passage("test#skills/1", "A backend engineer needs a broad set of skills, from servers to data security.");
        var headings = Enumerable.Range(1, 14).Select(i => $"Skill {i}").ToList();

        var answer = OfflineComposer.Compose(new OfflineComposeRequest([intro], "what skills does a backend engineer need?")
        {
            Subsections = new Dictionary<string, IReadOnlyList<string>> { [intro.Passage.Id] = headings },
        });

        Assert.Contains("Skill 12 · …", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Skill 13", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_WithoutSubsections_AddsNothing()
    {
        var intro = Passage("test#skills/1", "A backend engineer needs a broad set of skills, from servers to data security.");

        var answer = OfflineComposer.Compose(new OfflineComposeRequest([intro], "what skills does a backend engineer need?"));

        Assert.DoesNotContain("More in", answer.Text, StringComparison.Ordinal);
    }
}
