namespace CoachBot.Ai.Tests.Answers;

public sealed class OfflineComposerTests
{
    public static TheoryData<string, string, string> Questions => new()
    {
        { "which database should i learn, mysql or postgres?", "backend-career-path", "Database Management" },
        { "how much does a backend developer earn?", "how-to-become-backend-engineer", "Backend Engineering Salaries" },
        { "is backend a secure job with growth?", "backend-developer-career-guide", "Job Security and Growth Potential" },
        { "what do backend devs do all day", "backend-developer-career-guide", "The Role of Backend Developers in Modern Tech" },
    };

    [Theory]
    [MemberData(nameof(Questions))]
    public void Compose_AnyQuestion_QuotesOnlySentencesThatExistVerbatimInTheGuides(string question, string guideId, string heading)
    {
        var passages = new[] { GuideText.Scored(guideId, heading), GuideText.Scored("backend-core-skills", "Core Skills", 5f) };

        var answer = OfflineComposer.Compose(new OfflineComposeRequest(passages, question));

        var quotes = Quotes.In(answer.Text);
        Assert.InRange(quotes.Count, OfflineComposer.MinSentences, OfflineComposer.MaxSentences);
        Assert.All(quotes, q => Assert.Contains(q, GuideText.All, StringComparison.Ordinal));
    }

    [Fact]
    public void Compose_Question_CitesEveryQuotedPassageWithNumberedMarkers()
    {
        var passages = new[]
        {
            GuideText.Scored("backend-career-path", "Database Management"),
            GuideText.Scored("backend-career-path", "Master Programming Fundamentals", 8f),
        };

        var answer = OfflineComposer.Compose(new OfflineComposeRequest(passages, "should i learn sql databases and programming languages like python?"));

        Assert.NotEmpty(answer.Citations);
        for (var i = 1; i <= answer.Citations.Count; i++)
        {
            Assert.Contains($"[{i}]", answer.Text, StringComparison.Ordinal);
        }

        Assert.Equal("Backend Engineer Career Path", answer.Citations[0].GuideTitle);
    }

    [Theory]
    [InlineData("This provides hands-on experience and something tangible to showcase in your portfolio.")]
    [InlineData("In this role, you gain hands-on experience and something tangible to showcase in your portfolio.")]
    [InlineData("Similarly, open-source work gives hands-on experience and something tangible for your portfolio.")]
    public void Compose_SentenceThatPointsBack_IsQuotedWithTheSentenceBeforeIt(string pointingBack)
    {
        var text = "Begin by focusing on personal projects or contributing to open-source initiatives. "
            + pointingBack + " "
            + "Salaries vary by location and by the size of the company.";
        var passages = new[] { new ScoredPassage(new Passage("guide#practice/1", "guide", "Guide", ["Practice"], text), 1f) };

        var answer = OfflineComposer.Compose(new OfflineComposeRequest(passages, "how do i get hands-on experience for my portfolio when i have none"));

        var quotes = Quotes.In(answer.Text);
        var pointing = quotes.ToList().IndexOf(pointingBack);
        Assert.True(pointing > 0, answer.Text);
        Assert.StartsWith("Begin by focusing on personal projects", quotes[pointing - 1], StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_FollowUpQuotingABeyondThisSentence_QuotesWhatThisIsEvenWhenThePreviousAnswerHadIt()
    {
        const string text = "Entry-level engineers write code under the guidance of senior team members. "
            + "Senior engineers mentor junior developers and make high-level technical decisions. "
            + "Beyond this, roles like backend architect or engineering manager involve overseeing entire systems or teams.";
        var passages = new[] { new ScoredPassage(new Passage("guide#path/1", "guide", "Guide", ["Career Path"], text), 1f) };
        const string previous = "Here's what the guide says:\n\n> Senior engineers mentor junior developers and make high-level technical decisions. [1]";

        var answer = OfflineComposer.Compose(new OfflineComposeRequest(passages, "and which roles come after that, like architect or manager?", "what do senior engineers do")
        {
            PreviousAnswer = previous,
        });

        var quotes = Quotes.In(answer.Text).ToList();
        var beyond = quotes.FindIndex(q => q.StartsWith("Beyond this", StringComparison.Ordinal));
        Assert.True(beyond > 0, answer.Text);
        Assert.StartsWith("Senior engineers mentor junior developers", quotes[beyond - 1], StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_Question_PrefersTheSentencesThatShareItsWords()
    {
        var passages = new[] { GuideText.Scored("backend-career-path", "Database Management") };

        var answer = OfflineComposer.Compose(new OfflineComposeRequest(passages, "is nosql like mongodb or redis worth learning?"));

        Assert.Contains("Explore NoSQL databases like MongoDB or Redis for specialized scenarios.", Quotes.In(answer.Text));
    }

    [Fact]
    public void Compose_PayQuestionNamingACity_QuotesTheSentenceThatNamesItBesideTheFigures()
    {
        // The fourth user study: "at Amazon in Seattle" got the US figures without the guide's own line on Seattle.
        var passages = new[] { GuideText.Scored("how-to-become-backend-engineer", "Backend Engineering Salaries") };

        var answer = OfflineComposer.Compose(new OfflineComposeRequest(passages, "What salary should I expect as a junior backend engineer at Amazon in Seattle?"));

        var quotes = Quotes.In(answer.Text);
        Assert.Contains(quotes, q => q.Contains("$70,000 to $80,000", StringComparison.Ordinal));
        Assert.Contains(quotes, q => q.Contains("Seattle", StringComparison.Ordinal));
    }

    [Fact]
    public void Compose_WhatComesNextFollowUp_QuotesTheSentenceAfterTheOneQuotedBefore()
    {
        // The fourth user study: "and after senior, what comes next?" quoted the career path's first sentences.
        var passages = new[] { GuideText.Scored("backend-software-engineer-role", "Career Path") };
        const string previous = "Here's what the guide says:\n\n> Senior backend engineers often mentor junior developers, make high-level technical decisions, and contribute to strategic planning. [1]";

        var answer = OfflineComposer.Compose(new OfflineComposeRequest(passages, "and after senior, what comes next?", "How do people usually move from junior to senior in backend?") { PreviousAnswer = previous });

        Assert.Contains(Quotes.In(answer.Text), q => q.StartsWith("Beyond this, roles like backend architect", StringComparison.Ordinal));
    }

    [Fact]
    public void Compose_WhatComesAfterFollowUp_QuotesTheSentenceThatContinuesOneQuotedBefore()
    {
        // The sixth user study: "and what comes after senior?" went back to entry-level and mid-level sentences.
        var passages = new[]
        {
            GuideText.Scored("backend-developer-career-guide", "Titles and Roles"),
            GuideText.Scored("backend-software-engineer-role", "Career Path", 8f),
        };
        const string previous = "Here's what the guide says:\n\n> Reaching the level of a Senior Backend Developer is a notable milestone.\n> Your experience will be invaluable in guiding junior developers and ensuring that projects are completed efficiently and effectively. [1]\n\n> Senior backend engineers often mentor junior developers, make high-level technical decisions, and contribute to strategic planning. [2]";

        var answer = OfflineComposer.Compose(new OfflineComposeRequest(passages, "and what comes after senior?", "How do the responsibilities change when you go from junior to senior backend developer?") { PreviousAnswer = previous });

        Assert.True(Quotes.In(answer.Text).Any(q => q.StartsWith("Beyond this, roles like backend architect", StringComparison.Ordinal)), answer.Text);
    }

    [Fact]
    public void Compose_SentencesFromOnePassage_KeepTheirOrderInThePassage()
    {
        var passage = GuideText.Scored("backend-career-path", "Database Management");

        var answer = OfflineComposer.Compose(new OfflineComposeRequest([passage], "database design normalization and nosql mongodb redis"));

        var quotes = Quotes.In(answer.Text);
        var positions = quotes.Select(q => passage.Passage.Text.IndexOf(q, StringComparison.Ordinal)).ToArray();
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public void Compose_NoWordInCommon_StillQuotesTheTopPassage()
    {
        var passage = GuideText.Scored("backend-career-path", "Database Management");

        var answer = OfflineComposer.Compose(new OfflineComposeRequest([passage], "zzz qqq"));

        Assert.Equal(OfflineComposer.MinSentences, Quotes.In(answer.Text).Count);
        Assert.Single(answer.Citations);
    }

    [Fact]
    public void Compose_NoPassages_ReturnsNothingToQuote()
    {
        var answer = OfflineComposer.Compose(new OfflineComposeRequest(Array.Empty<ScoredPassage>(), "anything"));

        Assert.Empty(answer.Citations);
        Assert.Empty(answer.Text);
    }
}
