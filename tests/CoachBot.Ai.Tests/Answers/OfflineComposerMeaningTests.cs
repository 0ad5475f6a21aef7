using CoachBot.Ai.Answers.Meaning;

namespace CoachBot.Ai.Tests.Answers;

/// <summary>The offline composer's rules that go beyond shared words: lists, figures, follow-ups, meaning.</summary>
public sealed class OfflineComposerMeaningTests
{
    private static readonly SentenceVectorCache Vectors = new(SharedEmbedder.Model);

    private static OfflineComposeRequest WithMeaning(string question, params ScoredPassage[] passages) =>
        new(passages, question) { Meaning = QuestionMeaning.Measure(question, passages, null, Vectors) };

    private static ScoredPassage Synthetic(string text) =>
        new(new Passage("test#list/1", "test", "Test Guide", ["Lists"], text), 10f);

    [Fact]
    public void Compose_SectionThatIsOnlyAListOfNames_IsQuotedAsItsWholeListWhenItsHeadingFits()
    {
        // The retriever's top passage for this question is the bare list (cosine 0.46 to the question, heading included);
        // its items alone ("leetcode") are too short for the model to judge, so it used to lose to a books sentence.
        var passages = new[]
        {
            GuideText.Scored("backend-core-skills", "Practice programming skills", 9f) with { Similarity = 0.46f },
            GuideText.Scored("backend-developer-career-guide", "Career Development Resources", 8f),
        };

        var answer = OfflineComposer.Compose(WithMeaning("where can I practice coding problems", passages));

        var quotes = Quotes.In(answer.Text);
        Assert.Contains("leetcode", quotes);
        Assert.Contains("codewars", quotes);
    }

    [Fact]
    public void Compose_ListOfNamesWhoseHeadingMatchesTheQuestionsSynonyms_IsQuotedAsItsWholeList()
    {
        // "grind coding problems" shares no word with "Practice programming skills"; the synonym list maps it to "practice".
        var passages = new[]
        {
            GuideText.Scored("backend-core-skills", "Practice programming skills", 9f) with { Similarity = 0.31f },
            new ScoredPassage(new Passage("test#traits/1", "test", "Test Guide", ["Traits"], "If you have a knack for problem-solving, backend development is a fit for you. Some people thrive on cracking tough problems."), 8f, 0.18f),
        };
        const string question = "what's a good site to grind coding problems on";
        var request = WithMeaning(question, passages) with { ExpandedTerms = ["practice", "practice programming skills"] };

        var answer = OfflineComposer.Compose(request);

        var quotes = Quotes.In(answer.Text);
        Assert.Contains("leetcode", quotes);
        Assert.Contains("codewars", quotes);
    }

    [Fact]
    public void Compose_ListOfNamesWhoseHeadingSharesNoWordWithTheQuestion_IsNotQuotedForItsItemsWords()
    {
        var passages = new[]
        {
            GuideText.Scored("backend-core-skills", "Practice programming skills", 9f) with { Similarity = 0.46f },
            new ScoredPassage(new Passage("test#top-skills/3", "test", "Test Guide", ["Top Skills"], "- Problem Solving\n- Version Control\n- Security Best Practices"), 8f, 0.45f),
        };

        var answer = OfflineComposer.Compose(WithMeaning("where can I practise coding problems", passages));

        var quotes = Quotes.In(answer.Text);
        Assert.Contains("leetcode", quotes);
        Assert.DoesNotContain("Version Control", quotes);
    }

    [Theory]
    // The sentence naming the role says nothing of the work; the one that does ("This role…", "In this role, …") shares no
    // word with the question.
    [InlineData("What does a backend intern actually do?", "Entry-Level Positions", "This role typically involves assisting with coding tasks, debugging, and testing applications.")]
    [InlineData("what does a senior backend developer do?", "Titles and Roles", "In this role, you will not only be responsible for writing and maintaining code but also for designing system architectures and making critical technical decisions.")]
    // Two roles compared: each one's duties count; "Your day-to-day tasks…" belongs to the lead named two sentences before.
    [InlineData("what does a backend architect do differently from a lead dev", "Advanced Titles", "Your day-to-day tasks will include code reviews, architectural decisions, and mentoring junior developers.")]
    public void Compose_WhatSomeoneDoesQuestion_QuotesTheSentenceSayingWhatTheWorkInvolves(string question, string heading, string expected)
    {
        var passages = new[] { GuideText.Scored("backend-developer-career-guide", heading, 9f) };

        var answer = OfflineComposer.Compose(WithMeaning(question, passages));

        Assert.Contains(expected, Quotes.In(answer.Text));
    }

    [Fact]
    public void Compose_LeadInWhoseListEndsInThePassage_QuotesItWithEveryItem()
    {
        var passage = Synthetic("Backend engineers pick up several habits over time. These habits include:\n\n- Writing tests before shipping.\n- Reading code reviews carefully.\n- Keeping notes of incidents.\n\nHabits like these compound over a career.");

        var answer = OfflineComposer.Compose(new OfflineComposeRequest([passage], "which habits do backend engineers pick up?"));

        var quotes = Quotes.In(answer.Text);
        var leadIn = quotes.ToList().IndexOf("These habits include:");
        Assert.True(leadIn >= 0, answer.Text);
        Assert.Equal(["Writing tests before shipping.", "Reading code reviews carefully.", "Keeping notes of incidents."], quotes.Skip(leadIn + 1).Take(3));
    }

    [Theory]
    [InlineData("> Writing tests before shipping.\n> Reading code reviews carefully.\n> Keeping notes of incidents. [1]")]
    [InlineData("> Reading code reviews carefully. [1]")]
    [InlineData("> Habits like these compound over a career. [1]")]
    public void Compose_FollowUpWhoseLeadInsListWasPartlyQuotedBefore_NeitherFailsNorQuotesTheLeadInWithAPartList(string previousQuotes)
    {
        var passage = Synthetic("Backend engineers pick up several habits over time. These habits include:\n\n- Writing tests before shipping.\n- Reading code reviews carefully.\n- Keeping notes of incidents.\n\nHabits like these compound over a career.");

        var answer = OfflineComposer.Compose(new OfflineComposeRequest([passage], "tell me more about the habits these engineers pick up", "which habits do backend engineers pick up?")
        {
            PreviousAnswer = "Here's what the guide says:\n\n" + previousQuotes,
        });

        var quotes = Quotes.In(answer.Text).ToList();
        var leadIn = quotes.IndexOf("These habits include:");
        if (leadIn >= 0)
        {
            Assert.Equal(["Writing tests before shipping.", "Reading code reviews carefully.", "Keeping notes of incidents."], quotes.Skip(leadIn + 1).Take(3));
        }
    }

    [Fact]
    public void Compose_LeadInWhoseListMayGoOnInTheNextPassage_IsNeverQuoted()
    {
        // A passage that ends on a list item may hold only the start of the list (chunks cut after three paragraphs).
        var passage = Synthetic("Securing a job can be competitive. Here are several tips to help you secure a backend engineering job:\n\n1. Strengthen Your Foundation\n2. Build a Strong Portfolio");

        var answer = OfflineComposer.Compose(new OfflineComposeRequest([passage], "what tips help me secure a backend engineering job?"));

        Assert.DoesNotContain(Quotes.In(answer.Text), q => q.EndsWith(':'));
    }

    [Fact]
    public void Compose_EveryGuideSection_NeverEndsAQuoteOnALeadIn()
    {
        var sections = new[]
        {
            ("how-to-become-backend-engineer", "Tips for Securing a Backend Engineering Job", "tips to secure a backend engineering job"),
            ("how-to-become-backend-engineer", "What is Backend Engineering?", "what are the roles of a backend engineer"),
            ("how-to-become-backend-engineer", "Building a Strong Portfolio As a Backend Engineer", "how do I show off my backend skills"),
            ("backend-career-path", "Step 5: Specializations and Niche Areas", "what can I specialize in"),
            ("how-to-become-backend-engineer", "3. Learn the Core Languages and Technologies", "which core languages should I learn"),
        };
        foreach (var (guide, heading, question) in sections)
        {
            var answer = OfflineComposer.Compose(WithMeaning(question, GuideText.Scored(guide, heading)));

            var lines = answer.Text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var quote = lines[i].StartsWith("> ", StringComparison.Ordinal) ? lines[i][2..] : null;
                if (quote is not null && quote.TrimEnd().EndsWith(':'))
                {
                    Assert.True(i + 1 < lines.Length && lines[i + 1].StartsWith("> ", StringComparison.Ordinal), $"{question}: lead-in quoted alone\n{answer.Text}");
                }
            }
        }
    }

    [Fact]
    public void Compose_FigureQuestion_QuotesTheSentenceWithTheFigure()
    {
        var passages = new[]
        {
            GuideText.Scored("backend-developer-career-guide", "Entry-Level Positions"),
            GuideText.Scored("how-to-become-backend-engineer", "Backend Engineering Salaries", 6f),
        };

        var answer = OfflineComposer.Compose(WithMeaning("How much does a junior backend developer make?", passages));

        Assert.Contains(Quotes.In(answer.Text), q => q.Contains("$70,000 to $80,000", StringComparison.Ordinal));
    }

    [Fact]
    public void Compose_FollowUp_DoesNotRepeatWhatThePreviousAnswerQuoted()
    {
        var passages = new[] { GuideText.Scored("backend-developer-career-guide", "Overcoming Initial Hurdles") };
        var first = OfflineComposer.Compose(WithMeaning("how do i get a mentor", passages));

        var second = OfflineComposer.Compose(WithMeaning("how do i get a mentor, tell me more", passages) with { PreviousAnswer = first.Text });

        Assert.NotEmpty(Quotes.In(first.Text));
        Assert.All(Quotes.In(second.Text), q => Assert.DoesNotContain(q, first.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void Compose_ByMeaning_PrefersTheSentenceThatAnswersOverOneThatSharesWords()
    {
        // "mentor" is in neither sentence that answers; meaning finds the guidance sentence all the same.
        var passages = new[] { GuideText.Scored("backend-developer-career-guide", "Overcoming Initial Hurdles") };

        var answer = OfflineComposer.Compose(WithMeaning("who can guide me when I'm stuck early in my career?", passages));

        Assert.Contains(Quotes.In(answer.Text), q => q.Contains("mentor", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Compose_PartlyCovered_OpensWithWhatTheGuidesLack()
    {
        var passages = new[] { GuideText.Scored("how-to-become-backend-engineer", "Backend Engineering Salaries") };

        var answer = OfflineComposer.Compose(new OfflineComposeRequest(passages, "how much do backend devs make in London")
        {
            Opening = CoachReplies.PartlyCovered(["London"], figures: true),
        });

        Assert.StartsWith("The guides don't give figures for London; the closest they have:", answer.Text, StringComparison.Ordinal);
        Assert.NotEmpty(Quotes.In(answer.Text));
    }
}
