using CoachBot.Knowledge.Guides;

namespace CoachBot.Ai.Tests.Answers;

/// <summary>
/// A section whose list the chunker cut into several passages ("Here are several tips…:" and twelve tips over three
/// chunks): the lead-in is quoted with its whole list, completed from the section, never with part of it, and a bare
/// label ("Prepare for Interviews") is shown in its list rather than alone.
/// </summary>
public sealed class CutListTests
{
    private const string LeadIn = "Here are several tips to help you secure a backend engineering job:";
    private const string Closing = "By following these tips, you will improve your chances of landing your desired role in backend development.";

    private static readonly string[] Tips =
    [
        "Strengthen Your Foundation", "Build a Strong Portfolio", "Learn About Design Patterns and Architectures", "Understand API Development",
        "Embrace Testing", "Know Your Tools", "Learn About Cloud Services", "Stay Updated and Learn Continuously",
        "Network and Communicate", "Prepare for Interviews", "Customize Your Application", "Seek Feedback and Iterate",
    ];

    private static readonly ScoredPassage First = Chunk(1, "Securing a job in backend engineering can be highly competitive. " + LeadIn + "\n\n" + Items(0, 2));
    private static readonly ScoredPassage Middle = Chunk(2, Items(2, 11));
    private static readonly ScoredPassage Last = Chunk(3, Items(11, 12) + "\n\n" + Closing);

    private static readonly IReadOnlyList<GuideParagraph> SectionParagraphs =
    [
        new("Securing a job in backend engineering can be highly competitive. " + LeadIn, "", IsListItem: false, Line: 1),
        .. Tips.Select((tip, i) => new GuideParagraph(tip, $"{i + 1}. {tip}", IsListItem: true, Line: 3 + i)),
        new(Closing, Closing, IsListItem: false, Line: 16),
    ];

    [Fact]
    public void Compose_LeadInWhoseListTheChunkCuts_IsQuotedWithTheWholeListFromItsSection()
    {
        var answer = Compose([First], "any tips for finding my first backend job?");

        var quotes = Quotes.In(answer.Text);
        var at = quotes.ToList().IndexOf(LeadIn);
        Assert.True(at >= 0, answer.Text);
        Assert.Equal(Tips, quotes.Skip(at + 1).Take(Tips.Length));
    }

    [Fact]
    public void Compose_WithoutTheSection_NeverQuotesTheLeadInWithPartOfItsList()
    {
        var answer = OfflineComposer.Compose(new OfflineComposeRequest([First], "any tips for finding my first backend job?"));

        Assert.DoesNotContain(LeadIn, Quotes.In(answer.Text));
    }

    [Fact]
    public void Compose_LabelsOfAMiddleChunk_AreShownInTheirWholeListWithItsLeadIn()
    {
        var answer = Compose([Middle], "how should I prepare for a backend interview?");

        var quotes = Quotes.In(answer.Text);
        Assert.Equal([LeadIn, .. Tips], quotes.SkipWhile(q => q != LeadIn).Take(Tips.Length + 1));
    }

    [Fact]
    public void Compose_TwoChunksOfTheList_QuoteEachLineOnce()
    {
        var answer = Compose([First, Middle, Last], "any tips for finding my first backend job?");

        var quotes = Quotes.In(answer.Text);
        Assert.Equal(quotes.Count, quotes.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains(LeadIn, quotes);
        Assert.All(Tips, tip => Assert.Contains(tip, quotes));
    }

    [Fact]
    public void Compose_LeadInIntroducingSubsections_IsQuotedAndNamesThem()
    {
        var intro = new ScoredPassage(new Passage("guide#core-skills/1", "guide", "Core Skills for Backend Engineers", ["Core Skills"],
            "As a backend engineer, there are several core skills that are important for success in the field. These skills include:"), 10f);
        var subsections = new Dictionary<string, IReadOnlyList<string>> { [intro.Passage.Id] = ["Programming languages", "Web frameworks", "Databases"] };

        var with = OfflineComposer.Compose(new OfflineComposeRequest([intro], "what are the core skills?") { Subsections = subsections });
        var without = OfflineComposer.Compose(new OfflineComposeRequest([intro], "what are the core skills?"));

        Assert.Contains("These skills include:", Quotes.In(with.Text));
        Assert.Contains("More in [1]: Programming languages · Web frameworks · Databases", with.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("These skills include:", Quotes.In(without.Text));
    }

    [Fact]
    public void Compose_LeadInIntroducingSubsectionsAfterAnotherSectionIntroduction_StillNamesItsHeadings()
    {
        // The ninth user study: a second quoted section introduction ended on a bare "These skills include:" because
        // "More in" was named once per answer, for the first introduction only.
        var first = new ScoredPassage(new Passage("guide#skills/1", "guide", "How to Become a Backend Engineer", ["Skills"],
            "However, this role isn't just about programming; it involves a broad set of skills ranging from understanding how servers work to ensuring data security."), 10f);
        var intro = new ScoredPassage(new Passage("guide#core-skills/1", "guide", "Core Skills for Backend Engineers", ["Core Skills"],
            "As a backend engineer, there are several core skills that are important for success in the field. These skills include:"), 9f);
        var subsections = new Dictionary<string, IReadOnlyList<string>>
        {
            [first.Passage.Id] = ["Programming Proficiency", "Understanding of Databases"],
            [intro.Passage.Id] = ["Programming languages", "Web frameworks", "Databases"],
        };

        var answer = OfflineComposer.Compose(new OfflineComposeRequest([first, intro], "what skills do backend engineers need?") { Subsections = subsections });

        Assert.Contains("These skills include:", Quotes.In(answer.Text));
        Assert.Contains("More in [1]: Programming Proficiency · Understanding of Databases", answer.Text, StringComparison.Ordinal);
        Assert.Contains("More in [2]: Programming languages · Web frameworks · Databases", answer.Text, StringComparison.Ordinal);
    }

    private static ComposedAnswer Compose(ScoredPassage[] passages, string question) =>
        OfflineComposer.Compose(new OfflineComposeRequest(passages, question)
        {
            SectionParagraphs = passages.ToDictionary(p => p.Passage.Id, _ => SectionParagraphs),
        });

    private static ScoredPassage Chunk(int part, string text) =>
        new(new Passage($"guide#tips/{part}", "guide", "How to Become a Backend Engineer", ["Tips for Securing a Backend Engineering Job"], text), 10f - part);

    private static string Items(int from, int to) =>
        string.Join("\n", Enumerable.Range(from, to - from).Select(i => $"{i + 1}. {Tips[i]}"));
}
