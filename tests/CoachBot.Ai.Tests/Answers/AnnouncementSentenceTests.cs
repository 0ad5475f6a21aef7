namespace CoachBot.Ai.Tests.Answers;

/// <summary>
/// A sentence that announces content without giving it ("there are several core skills that are important") answers
/// nothing on its own: the offline composer quotes the sentences with content first.
/// </summary>
public sealed class AnnouncementSentenceTests
{
    private static ScoredPassage Synthetic(string id, string text) =>
        new(new Passage(id, "test", "Test Guide", ["Skills"], text), 10f);

    [Theory]
    [InlineData("As a backend engineer, there are several core skills that are important for success in the field.")]
    [InlineData("To succeed as a backend developer, you’ll need to master several essential skills.")]
    [InlineData("Backend engineers need to be proficient in several key programming languages and technologies.")]
    [InlineData("Backend development relies on a variety of frameworks and tools that streamline the development process and enhance productivity.")]
    [InlineData("Here’s a comprehensive guide to the skills required to thrive as a backend engineer, explained in simple terms.")]
    [InlineData("This section covers the career path in detail.")]
    [InlineData("But what does it take to step into the world of backend engineering?")]
    [InlineData("Moreover, we will offer valuable resources for continuous learning and career development.")]
    [InlineData("We’ll explore the excitement and broad impact of backend development across diverse industries.")]
    [InlineData("Starting your journey as a Junior Backend Developer is an exciting and challenging experience.")]
    [InlineData("In this segment, we delve into the future demand for backend developers.")]
    [InlineData("Here, you will encounter discussions on the evolution of your responsibilities, including leading projects and mentoring juniors, which are essential skills in furthering your career.")]
    [InlineData("Part 5 delves into these diverse avenues, ranging from roles that slightly pivot within the tech sphere to those that venture into adjacent industries, where backend skills are valuable.")]
    [InlineData("By the end of this part, you’ll be equipped with a comprehensive understanding of the trends shaping the backend development landscape.")]
    [InlineData("For instance, a flowchart showing the transition from Junior Backend Developer to Senior Backend Developer, highlighting key milestones and required skills, can make the information more digestible and engaging.")]
    [InlineData("Moreover, we will offer valuable resources for continuous learning and career development, highlighting recommended books, courses, and professional organizations that can help you stay at the forefront of the industry.")]
    [InlineData("By expanding your technical prowess and leadership capabilities, this part aims to equip you with the knowledge and tools needed to thrive as you ascend the career ladder in backend development.")]
    public void ReadsAsAnnouncement_SentencesThatOnlyAnnounce(string text)
    {
        Assert.True(new GuideSentence(text, 0, IsListItem: false).ReadsAsAnnouncement);
    }

    [Theory]
    [InlineData("Common languages for backend engineering include Python, Java, C#, Ruby, and JavaScript (Node.js).")]
    [InlineData("You’ll also need to be comfortable working with databases, both relational and non-relational.")]
    [InlineData("Several factors, such as location, experience, and industry, shape a salary.")]
    [InlineData("This role often requires a deep understanding of various technologies and the ability to foresee and mitigate potential issues before they become problems.")]
    [InlineData("These skills include:")]
    [InlineData("We use PostgreSQL for relational data and Redis for caching.")]
    [InlineData("Entry-level positions may start at around $70,000 to $80,000.")]
    public void ReadsAsAnnouncement_SentencesWithContentOrListLeadIns_AreNot(string text)
    {
        Assert.False(new GuideSentence(text, 0, IsListItem: false).ReadsAsAnnouncement);
    }

    [Fact]
    public void Compose_AnnouncementInTheTopPassage_QuotesTheContentOfTheNextOneInstead()
    {
        var announcing = Synthetic("test#skills/1", "To succeed as a backend developer, you’ll need to master several essential skills.");
        var content = Synthetic("test#skills/2", "Backend developers need skills in databases such as PostgreSQL. They also need skills in designing HTTP APIs for other teams.");

        var answer = OfflineComposer.Compose(new OfflineComposeRequest([announcing, content], "what skills does a backend developer need?"));

        var quotes = Quotes.In(answer.Text);
        Assert.True(quotes.Contains("Backend developers need skills in databases such as PostgreSQL."), answer.Text);
        Assert.Contains("They also need skills in designing HTTP APIs for other teams.", quotes);
        Assert.DoesNotContain(quotes, quote => quote.Contains("several essential skills", StringComparison.Ordinal));
    }
}
