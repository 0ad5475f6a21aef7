namespace CoachBot.Ai.Tests.Integration;

/// <summary>
/// Answer or decline, offline, over the real Lucene retriever, the bundled guides and the real MiniLM model: the
/// questions a new member asks in the terminal.
/// </summary>
public sealed class CoverageAnswerTests(CoverageAnswerTests.Fixture fixture) : IClassFixture<CoverageAnswerTests.Fixture>
{
    private readonly AnswerService _answers = fixture.Services.GetRequiredService<AnswerService>();

    private static AnswerRequest Ask(string question, string user) => new(new ConversationKey(ChatPlatform.Terminal, "local", "c-" + user), user, question);

    /// <summary>The answer to <paramref name="followUp"/> asked right after <paramref name="first"/> in one conversation.</summary>
    private async Task<Answer> AfterAsync(string first, string followUp, string user)
    {
        await _answers.AnswerAsync(Ask(first, user), CancellationToken.None);
        return await _answers.AnswerAsync(Ask(followUp, user), CancellationToken.None);
    }

    [Fact]
    public async Task AnswerAsync_JuniorSalary_QuotesTheGuidesEntryLevelFigure()
    {
        var answer = await _answers.AnswerAsync(Ask("How much does a junior backend developer make?", "junior"), CancellationToken.None);

        Assert.Equal(AnswerVerdict.Answered, answer.Verdict);
        Assert.Contains(Quotes.In(answer.Text), q => q.Contains("$70,000 to $80,000", StringComparison.Ordinal));
        Assert.DoesNotContain("Starting your journey", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerAsync_SalaryInLondon_SaysFirstThatTheGuidesHaveNoLondonFigures()
    {
        var answer = await _answers.AnswerAsync(Ask("how much do backend devs make in London", "london"), CancellationToken.None);

        Assert.Equal(AnswerVerdict.PartlyAnswered, answer.Verdict);
        Assert.StartsWith("The guides don't give figures for London", answer.Text, StringComparison.Ordinal);
        Assert.Contains(Quotes.In(answer.Text), q => q.Contains("United States", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("how do I avoid burnout")]
    [InlineData("how do I write a resume")]
    [InlineData("how do I negotiate a raise")]
    public async Task AnswerAsync_CareerQuestionTheGuidesDoNotCover_DeclinesPlainlyWithoutQuotes(string question)
    {
        var answer = await _answers.AnswerAsync(Ask(question, "uncovered"), CancellationToken.None);

        Assert.Equal(AnswerVerdict.NotCovered, answer.Verdict);
        Assert.True(answer.Declined);
        Assert.Empty(answer.Citations);
        Assert.Empty(Quotes.In(answer.Text));
        Assert.Contains("outside what my guides cover", answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("how do I negotiate a higher salary when I get a job offer?", "how to negotiate a higher salary")]
    [InlineData("how do I fix a merge conflict in git?", "how to fix a merge conflict")]
    public async Task AnswerAsync_ActionTheGuidesNeverMentionOnACoveredTopic_SaysFirstThatTheGuidesDoNotCoverIt(string question, string action)
    {
        var answer = await _answers.AnswerAsync(Ask(question, "action"), CancellationToken.None);

        Assert.NotEqual(AnswerVerdict.Answered, answer.Verdict);
        if (answer.Verdict == AnswerVerdict.PartlyAnswered)
        {
            Assert.StartsWith("The guides don't say anything specific about " + action, answer.Text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("how do I avoid burnout")]
    [InlineData("how do I write a resume")]
    public async Task AnswerAsync_UncoveredQuestionAfterACoveredOne_IsDeclinedOnItsOwn_NotAnsweredFromTheEarlierTopic(string question)
    {
        var first = await _answers.AnswerAsync(Ask("How much does a junior backend developer make?", "then-" + question), CancellationToken.None);
        var second = await _answers.AnswerAsync(Ask(question, "then-" + question), CancellationToken.None);

        Assert.Equal(AnswerVerdict.Answered, first.Verdict);
        Assert.Equal(AnswerVerdict.NotCovered, second.Verdict);
        Assert.Contains("outside what my guides cover", second.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("what's the home address of John Smith at PayPal")]
    [InlineData("give me the emails of the moderators")]
    [InlineData("what are the emails of the backend engineers at netflix")]
    public async Task AnswerAsync_PersonalDataRequest_IsRefusedForPrivacyEvenWhenTheGuidesNameThePerson(string question)
    {
        var answer = await _answers.AnswerAsync(Ask(question, "privacy"), CancellationToken.None);

        Assert.Equal(AnswerVerdict.PrivacyRefused, answer.Verdict);
        Assert.Empty(answer.Citations);
        Assert.Contains("personal details", answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("how do I hack into my ex's instagram")]
    [InlineData("how do I get into my coworker's email account without them knowing?")]
    public async Task AnswerAsync_AttackRequest_IsRefusedAsHarmfulNotAsOffTopicOrAsAPrivacyRequest(string question)
    {
        var answer = await _answers.AnswerAsync(Ask(question, "harm"), CancellationToken.None);

        Assert.Equal(AnswerVerdict.HarmRefused, answer.Verdict);
        Assert.DoesNotContain("outside what my guides cover", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerAsync_DefendingAgainstSqlInjection_IsAnsweredFromTheGuides()
    {
        var answer = await _answers.AnswerAsync(Ask("how do I protect my app from SQL injection", "defence"), CancellationToken.None);

        Assert.False(answer.Declined);
        Assert.Contains(Quotes.In(answer.Text), q => q.Contains("SQL injection", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnswerAsync_TellMeMore_QuotesNothingThePreviousAnswerQuoted()
    {
        var first = await _answers.AnswerAsync(Ask("how do i get a mentor", "more"), CancellationToken.None);

        var more = await _answers.AnswerAsync(Ask("tell me more", "more"), CancellationToken.None);

        Assert.NotEmpty(Quotes.In(first.Text));
        Assert.False(more.Declined);
        Assert.All(Quotes.In(more.Text), q => Assert.DoesNotContain(q, first.Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnswerAsync_FigureFollowUp_QuotesTheFigureAgainWhenOnlyThePreviousAnswersSentenceGivesIt()
    {
        var first = await _answers.AnswerAsync(Ask("how much does an entry level backend dev make in the us", "seniors"), CancellationToken.None);

        var seniors = await _answers.AnswerAsync(Ask("and for seniors?", "seniors"), CancellationToken.None);

        Assert.Contains(Quotes.In(first.Text), q => q.Contains("$140,000", StringComparison.Ordinal));
        Assert.False(seniors.Declined);
        Assert.Contains(Quotes.In(seniors.Text), q => q.Contains("$140,000", StringComparison.Ordinal));
        Assert.Single(Quotes.In(seniors.Text), q => first.Text.Contains(q, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnswerAsync_FigureFollowUpForAnotherRole_QuotesThatRolesFigureAgainRatherThanAnotherFigure()
    {
        // The fifth user study: the $140,000 for experienced engineers was in the first answer's sentence, so the
        // follow-up quoted only the $100,000–$120,000 average, which reads as the figure for experienced engineers.
        var first = await _answers.AnswerAsync(Ask("How much does a backend engineer make when just starting out in the US?", "experienced"), CancellationToken.None);

        var experienced = await _answers.AnswerAsync(Ask("and for experienced ones?", "experienced"), CancellationToken.None);

        Assert.Contains(Quotes.In(first.Text), q => q.Contains("$140,000", StringComparison.Ordinal));
        Assert.Contains(Quotes.In(experienced.Text), q => q.Contains("$140,000", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Should I learn Rust for backend work?", "Rust")]
    [InlineData("is Django or Laravel better for a beginner", "Laravel")]
    public async Task AnswerAsync_BackendQuestionNamingWhatTheGuidesLack_SaysSoFirstInsteadOfDeclining(string question, string name)
    {
        // The fifth user study: "Should I learn Rust for backend work?" got the off-topic decline.
        var answer = await _answers.AnswerAsync(Ask(question, "unknown-" + name), CancellationToken.None);

        Assert.Equal(AnswerVerdict.PartlyAnswered, answer.Verdict);
        Assert.StartsWith($"The guides don't say anything specific about {name}; the closest they have:", answer.Text, StringComparison.Ordinal);
        Assert.NotEmpty(Quotes.In(answer.Text));
    }

    [Theory]
    [InlineData("should i learn rust?", "Rust", "languages")]
    [InlineData("Is Kotlin good for backend?", "Kotlin", "languages")]
    [InlineData("should I learn Kafka?", "Kafka", "microservices")]
    [InlineData("Is Laravel a good framework to learn?", "Laravel", "frameworks")]
    public async Task AnswerAsync_TechnologyTheGuidesNeverName_QuotesWhatTheySayAboutItsKind(string question, string name, string kindWord)
    {
        // The seventh user study: "Should I learn Rust…?" quoted "Before you dive into the deep end…"; "should i learn rust?"
        // in lower case was declined as off-topic.
        var answer = await _answers.AnswerAsync(Ask(question, "kind-" + name), CancellationToken.None);

        Assert.Equal(AnswerVerdict.PartlyAnswered, answer.Verdict);
        Assert.StartsWith($"The guides don't say anything specific about {name}; the closest they have:", answer.Text, StringComparison.Ordinal);
        Assert.Contains(kindWord, Quotes.In(answer.Text)[0], StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("(programming language)", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerAsync_QuestionAskingWhichThingsThereAre_QuotesTheListUnderTheHeadingNamingThem()
    {
        // The ninth user study: "What specializations can I move into later…?" quoted the long-term-growth sentences and
        // named no specialization; the Career Path's "Step 5: Specializations and Niche Areas" list came third and its
        // lead-in, whose list ends the section, was not quotable.
        var answer = await _answers.AnswerAsync(Ask("What specializations can I move into later in my backend career?", "kinds-asked"), CancellationToken.None);

        var quotes = Quotes.In(answer.Text);
        Assert.Contains("As you progress in your career, you may choose to specialize in a particular area of backend engineering, including:", quotes);
        Assert.Contains("Cloud Architecture: Design and manage scalable cloud-based infrastructure.", quotes);
        Assert.Contains("Real-Time Systems: Develop systems that process and respond to data in real time.", quotes);
    }

    [Theory]
    [InlineData("do backend guys need to know html and css at all", "It enables better communication with front-end developers and can help ensure a seamless user experience from front to back.")]
    [InlineData("do senior engineers need to understand the business side", "This means knowing how your technical decisions impact the business and aligning your work with the company’s goals.")]
    public async Task AnswerAsync_BestSentenceFollowedByOneThatCarriesItOn_QuotesThatOneRatherThanAWeakOtherPassage(string question, string continuation)
    {
        // The ninth user study: "does a backend guy even need to kno html n css??" quoted "…is beneficial." and then a
        // sentence of another passage, leaving out the reason that follows it.
        var answer = await _answers.AnswerAsync(Ask(question, "continuation"), CancellationToken.None);

        Assert.Contains(continuation, Quotes.In(answer.Text));
    }

    [Fact]
    public async Task AnswerAsync_TwoTechnologiesTheGuidesNeverName_QuotesWhatTheySayAboutTheirKinds()
    {
        // The ninth user study: "Is Elixir with Phoenix a good choice for backend?" quoted Part 1's "why choose backend"
        // introduction: only Elixir had its kind beside it, and that search fell below the confidence floor.
        var answer = await _answers.AnswerAsync(Ask("Is Elixir with Phoenix a good choice for backend?", "kind-two"), CancellationToken.None);

        Assert.Equal(AnswerVerdict.PartlyAnswered, answer.Verdict);
        Assert.StartsWith("The guides don't say anything specific about Elixir", answer.Text, StringComparison.Ordinal);
        Assert.Matches("(?i)frameworks|languages", Quotes.In(answer.Text)[0]);
        Assert.DoesNotContain("backend web framework)", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerAsync_HowDoesThatCompareAfterAGrowthFigure_QuotesTheComparisonAgainAndSaysSo()
    {
        // The ninth user study: "and how does that compare to other jobs?" quoted the industries passage; the comparison
        // ("substantially faster than the overall average") was in the previous answer and left out as already quoted.
        var first = await _answers.AnswerAsync(Ask("How much is employment for software developers expected to grow, according to the Bureau of Labor Statistics?", "compare"), CancellationToken.None);

        var next = await _answers.AnswerAsync(Ask("and how does that compare to other jobs?", "compare"), CancellationToken.None);

        Assert.Contains("faster than the overall average", first.Text, StringComparison.Ordinal);
        Assert.StartsWith(CoachReplies.ComparisonQuotedBefore, next.Text, StringComparison.Ordinal);
        Assert.All(Quotes.In(next.Text), quote => Assert.Matches("faster than", quote));
    }

    [Fact]
    public async Task AnswerAsync_WhyAfterAnAnswerThatGaveTheReason_QuotesTheReasonAgain()
    {
        // The ninth user study's "why?" after the HTML/CSS question: once the first answer carries the reason on ("It
        // enables better communication…"), "why?" got the backbone sentences, the reason being left out as already quoted.
        var first = await _answers.AnswerAsync(Ask("does a backend guy even need to kno html n css??", "why-again"), CancellationToken.None);

        var why = await _answers.AnswerAsync(Ask("why?", "why-again"), CancellationToken.None);

        const string reason = "It enables better communication with front-end developers and can help ensure a seamless user experience from front to back.";
        Assert.Contains(reason, Quotes.In(first.Text));
        Assert.Contains(reason, Quotes.In(why.Text));
    }

    [Fact]
    public async Task AnswerAsync_WhyAfterADegreeAnswer_QuotesTheFurtherReasonOfThatPassage()
    {
        // The tenth user study: "why?" after the degree question quoted the FAQ's "not always mandatory" and the formal
        // education path; the passage quoted first goes on with the reason ("it demonstrates to potential employers…").
        var why = await AfterAsync("Do I really need a computer science degree to get hired as a backend dev?", "why?", "why-degree");

        Assert.Contains(Quotes.In(why.Text), q => q.StartsWith("Additionally, it demonstrates to potential employers", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnswerAsync_WhatComesAfterThatAfterASeniorQuestion_QuotesTheAdvancedTitles()
    {
        // The seventh user study: "what comes after that?" quoted the senior and mid-level sentences again.
        var first = await _answers.AnswerAsync(Ask("what does a senior backend engineer do?", "after-senior"), CancellationToken.None);

        var next = await _answers.AnswerAsync(Ask("what comes after that?", "after-senior"), CancellationToken.None);

        Assert.False(first.Declined);
        Assert.Equal(AnswerVerdict.Answered, next.Verdict);
        Assert.Contains(Quotes.In(next.Text), q => q.Contains("Lead Backend Developer", StringComparison.Ordinal) || q.Contains("Backend Architect", StringComparison.Ordinal));
        Assert.DoesNotContain(Quotes.In(next.Text), q => q.Contains("mid-level roles", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnswerAsync_NextStepAfterJunior_QuotesTheMidCareerRole()
    {
        var answer = await _answers.AnswerAsync(Ask("what is the next step after junior?", "after-junior"), CancellationToken.None);

        Assert.Equal(AnswerVerdict.Answered, answer.Verdict);
        Assert.Contains(Quotes.In(answer.Text), q => q.Contains("stepping into the role of a Backend Developer", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnswerAsync_AndAfterThat_GoesOneStageFurtherUpTheLadderEachTime()
    {
        var second = await AfterAsync("what is the next step after junior?", "and after that?", "ladder");
        var third = await _answers.AnswerAsync(Ask("and then what?", "ladder"), CancellationToken.None);

        Assert.Contains(Quotes.In(second.Text), q => q.Contains("Senior Backend Developer", StringComparison.Ordinal));
        Assert.Contains(Quotes.In(third.Text), q => q.Contains("Lead Backend Developer", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnswerAsync_NewQuestionWhosePronounStandsForItsOwnSubject_IsNotJudgedWithThePreviousQuestionsYear()
    {
        // The eighth user study: the Kubernetes question opened with "The guides don't say anything specific about 2025".
        var answer = await AfterAsync("is the job market for backend devs still good in 2025?", "wat is kubernetes for, do i need it as a jr", "k8s");

        Assert.Equal(AnswerVerdict.Answered, answer.Verdict);
        Assert.DoesNotContain("2025", answer.Text, StringComparison.Ordinal);
        Assert.Contains(Quotes.In(answer.Text), q => q.Contains("Kubernetes", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("how do I write a good resume for a junior backend role?", "résumés")]
    [InlineData("I'm burned out at my backend job, should I switch to devops?", "burnout or stress")]
    public async Task AnswerAsync_CareerTopicTheGuidesNeverTreat_SaysSoFirstEvenWhenTheRestIsCovered(string question, string topic)
    {
        // The eighth user study: the résumé question was answered with the junior role's description, as if covered.
        var answer = await _answers.AnswerAsync(Ask(question, "topic-" + topic.Length), CancellationToken.None);

        Assert.NotEqual(AnswerVerdict.Answered, answer.Verdict);
        if (answer.Verdict == AnswerVerdict.PartlyAnswered)
        {
            Assert.StartsWith($"The guides don't say anything specific about {topic}", answer.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AnswerAsync_CoverLetterForAJuniorRole_IsDeclinedNotAnsweredWithTheJuniorRole()
    {
        // The twelfth user study: "The guides don't say anything specific about résumés" (the wrong topic), then two
        // quotes describing junior and mid-level roles; nothing retrieved was close to writing a cover letter.
        var answer = await _answers.AnswerAsync(Ask("What should I write in a cover letter for a junior backend position?", "cover-letter"), CancellationToken.None);

        Assert.Equal(AnswerVerdict.NotCovered, answer.Verdict);
    }

    [Fact]
    public async Task AnswerAsync_CoreSkillsAskedAsAList_NamesAllTenSkillSections()
    {
        // The eighth user study: the list of core skills stopped after eight of its ten headings with "…".
        var answer = await _answers.AnswerAsync(Ask("what are the core skills i need for backend? list them pls", "core-list"), CancellationToken.None);

        var more = answer.Text.Split('\n').Single(line => line.StartsWith("More in [", StringComparison.Ordinal));
        Assert.Contains("Problem-solving", more, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("CI/CD", more, StringComparison.Ordinal);
        Assert.DoesNotContain("…", more, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerAsync_WhatAboutANewSubjectWithItsOwnSection_AnswersFromThatSection()
    {
        // The eighth user study: "what about testing…" after a CI/CD question quoted the CI/CD tools again.
        var answer = await AfterAsync("which CI/CD tools should I know?", "what about testing, what should i know there?", "what-about-testing");

        Assert.Contains(Quotes.In(answer.Text), q => q.Contains("Proficiency in testing and debugging", StringComparison.Ordinal));
        Assert.DoesNotContain("Jenkins", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerAsync_WhatAboutForSeniorsAfterASalaryQuestion_GivesTheExperiencedFigure()
    {
        var answer = await AfterAsync("How much does a junior backend developer make?", "what about for seniors?", "seniors-pay");

        Assert.Contains(Quotes.In(answer.Text), q => q.Contains("$140,000", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnswerAsync_FollowUpWhoseOwnWordsFindOnlyAWeakHeading_BorrowsThePreviousQuestion()
    {
        // The tenth user study: "and once you've got 5+ years of experience?" after a salary question was declined as
        // outside the guides: its own words found an "experience" heading too weakly to answer on.
        var answer = await AfterAsync("What's the typical starting salary for an entry-level backend developer in the US?", "and once you've got 5+ years of experience?", "experienced-pay");

        Assert.NotEqual(AnswerVerdict.NotCovered, answer.Verdict);
        Assert.Contains(Quotes.In(answer.Text), q => q.Contains("$140,000", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnswerAsync_WhichLanguagesPayMore_QuotesWhatCommandsHigherSalaries()
    {
        // "which languages pay more?" was declined as a passing mention: the sentence model puts it at 0.32 from
        // "… programming languages, such as Python, Java … may command higher salaries".
        var answer = await _answers.AnswerAsync(Ask("which languages pay more?", "languages-pay"), CancellationToken.None);

        Assert.Equal(AnswerVerdict.Answered, answer.Verdict);
        Assert.Contains(Quotes.In(answer.Text), q => q.Contains("may command higher salaries", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnswerAsync_WhichOfThosePayMoreAfterALanguagesAnswer_QuotesWhatCommandsHigherSalaries()
    {
        // The tenth user study: "and which of those pay more?" after a languages answer gave the salary figures only.
        var answer = await AfterAsync("wat r the best languages 2 learn for backend fr", "and which of those pay more?", "those-pay");

        var quotes = Quotes.In(answer.Text).ToList();
        Assert.Contains(quotes, q => q.Contains("may command higher salaries", StringComparison.Ordinal));
        Assert.DoesNotContain(quotes, q => q.Contains("$70,000", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnswerAsync_WhichPaysMoreJuniorOrSenior_GivesBothFigures()
    {
        // Between career levels the figures answer "which pays more" ("pays" was not read as a pay question at all).
        var answer = await _answers.AnswerAsync(Ask("which pays more, junior or senior?", "levels-pay"), CancellationToken.None);

        Assert.Contains(Quotes.In(answer.Text), q => q.Contains("$70,000", StringComparison.Ordinal) && q.Contains("$140,000", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("how do i make my portfolio stand out as a backend dev")]
    [InlineData("how do i bild a portfolio as a backend enginer")]
    public async Task AnswerAsync_ListItemsChosenFromTwoChunksOfOneSection_QuoteTheWholeListAfterItsLeadIn(string question)
    {
        // The tenth user study: "make my portfolio stand out" chose step 1 (first chunk of the section) and step 4 (second
        // chunk) and quoted only those two.
        var answer = await _answers.AnswerAsync(Ask(question, "portfolio-chunks"), CancellationToken.None);

        var quotes = Quotes.In(answer.Text).ToList();
        int At(string start) => quotes.FindIndex(q => q.StartsWith(start, StringComparison.Ordinal));
        var steps = new[] { "Let’s break it down:", "Create projects", "Collaborate with people on GitHub", "Create a personal website", "Seek internships" };
        Assert.All(steps, step => Assert.True(At(step) >= 0, step + "\n" + string.Join('\n', quotes)));
        Assert.Equal(steps.OrderBy(At), steps);
    }

    [Fact]
    public async Task AnswerAsync_HowDoesThatCompareToALeadAfterAnArchitectAnswer_QuotesTheLeadsDuties()
    {
        // The tenth user study: the comparison was read as a question of its own and quoted only the lead's framing
        // sentences ("stepping into the role…", "a testament to your technical prowess…").
        var answer = await AfterAsync("What does a backend architect do?", "how does that compare to a lead backend developer?", "lead-vs-architect");

        var quotes = Quotes.In(answer.Text).ToList();
        Assert.Contains(quotes, q => q.Contains("Your day-to-day tasks will include code reviews", StringComparison.Ordinal));
        Assert.Contains(quotes, q => q.Contains("a balance between hands-on coding and strategic oversight", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnswerAsync_DifferenceBetweenTwoRoles_QuotesWhatEachOfThemDoes()
    {
        // The eleventh user study: four sentences fit, the architect's "This role is more focused on the big picture"
        // brought its antecedent, and the lead's day-to-day tasks made way, so only the architect was described.
        var answer = await _answers.AnswerAsync(Ask("What's the difference between a Lead Backend Developer and a Backend Architect?", "lead-and-architect"), CancellationToken.None);

        var quotes = Quotes.In(answer.Text).ToList();
        Assert.Contains(quotes, q => q.Contains("Your day-to-day tasks will include code reviews", StringComparison.Ordinal));
        Assert.Contains(quotes, q => q.Contains("more focused on the big picture", StringComparison.Ordinal));
        Assert.Contains(quotes, q => q.Contains("Another advanced title you might aspire to is that of a Backend Architect", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnswerAsync_DoINeedADegree_QuotesTheGuidesVerdictThatItIsNotMandatory()
    {
        // The eleventh user study: the FAQ's "it is not always mandatory" (third passage) made way for the first
        // passage's next sentence, and the answer described the degree path instead.
        var answer = await _answers.AnswerAsync(Ask("Do I need a computer science degree to become a backend developer?", "degree-verdict"), CancellationToken.None);

        Assert.Contains(Quotes.In(answer.Text), q => q.Contains("it is not always mandatory", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnswerAsync_IsAiGonnaTakeTheJobs_QuotesThatAutomationCannotReplaceYou()
    {
        // The eleventh user study: the answer was four sentences on what AI does for backend systems; the worry was left
        // unanswered although the second passage answers it.
        var answer = await _answers.AnswerAsync(Ask("yo is backend even still a gud career or is AI gonna take all the jobs fr", "ai-jobs"), CancellationToken.None);

        Assert.Contains(Quotes.In(answer.Text), q => q.Contains("it cannot replace the critical thinking", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnswerAsync_ExplainWhatARoleDoes_QuotesWhatTheWorkFocusesOn()
    {
        // The eleventh user study: "what a devops engineer does" (no "do" of its own) was not read as asking what the
        // role does, and "In this role, you would focus on the integration and deployment processes" was left out.
        var answer = await _answers.AnswerAsync(Ask("can u explain wat a devops engineer does n can backend ppl switch 2 that easily?", "devops-duties"), CancellationToken.None);

        var quotes = Quotes.In(answer.Text).ToList();
        Assert.Contains(quotes, q => q.Contains("you would focus on the integration and deployment processes", StringComparison.Ordinal));
        Assert.Contains(quotes, q => q.Contains("Transitioning to a DevOps Engineer role can be a natural progression", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnswerAsync_HowIsThatDifferentFromFrontend_QuotesTheSentenceDrawingTheContrast()
    {
        // The eleventh user study: "It enables better communication with front-end developers…" brought its antecedent
        // and pushed out the one sentence contrasting the two ("While frontend development focuses on user interfaces…").
        var answer = await AfterAsync("What does a backend engineer actually do day to day?", "how is that different from what frontend devs do?", "frontend-contrast");

        Assert.Contains(Quotes.In(answer.Text), q => q.Contains("While frontend development focuses on user interfaces and experiences, backend engineers work behind the scenes", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("how do I ask my manager for a promotion")]
    [InlineData("How do I ask my manager for a fully remote setup?")]
    [InlineData("how do i convince my boss to let me work on the backend team")]
    public async Task AnswerAsync_DealingWithYourOwnManager_IsDeclinedNotAnsweredFromManagingATeam(string question)
    {
        // The tenth user study and the judge's own test case: passages on managing a team answered questions about the
        // asker's own manager (lexical confidence 0.77 from "manager").
        var answer = await _answers.AnswerAsync(Ask(question, "own-manager-" + question.Length), CancellationToken.None);

        Assert.Equal(AnswerVerdict.NotCovered, answer.Verdict);
    }

    [Fact]
    public async Task AnswerAsync_TellMeMoreAboutASectionTheAnswerOffered_QuotesThatSectionsOpening()
    {
        // The twelfth user study: "the second one" named "Moving into Adjacent Industries" from the answer's "More in"
        // line; its sentences share no word with the heading, so the bot said it had nothing more to quote. (The answer
        // now quotes "roles like Technical Consulting and Product Management" above that line, so "the second one" is
        // Product Management: the heading is named here as the member would after reading "More in".)
        var answer = await AfterAsync("What alternative careers can a backend developer move into later on?", "tell me more about Moving into Adjacent Industries", "adjacent-industries");

        var quotes = Quotes.In(answer.Text).ToList();
        Assert.Contains(quotes, q => q.StartsWith("Cloud computing is revolutionizing how businesses operate", StringComparison.Ordinal));
        Assert.Contains(quotes, q => q.StartsWith("Cybersecurity is another adjacent industry", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnswerAsync_WhyDoesItMatterAfterCiCdTools_QuotesWhatItImprovesAndReduces()
    {
        // The twelfth user study: "why does it matter tho?" repeated the one "ensures…" sentence; the passage's further
        // reasons improve productivity and "reduce the time it takes to release new features".
        var answer = await AfterAsync("What tools are commonly used for CI/CD?", "why does it matter tho?", "cicd-why");

        var quotes = Quotes.In(answer.Text).ToList();
        Assert.Contains(quotes, q => q.Contains("can significantly reduce the time it takes to release new features", StringComparison.Ordinal));
        Assert.Contains(quotes, q => q.Contains("will not only improve your productivity", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnswerAsync_WhichIsBestForABeginnerAfterLanguages_QuotesPythonWithoutSayingTheGuidesLackBeginners()
    {
        // The twelfth user study: the answer quoted "…excellent for beginners" after "The guides don't say anything
        // specific about beginner roles": the judge's passages lacked the word, the follow-up's own passages have it.
        var answer = await AfterAsync("What programming languages should I learn for backend development?", "which of those is best for a total beginner?", "beginner-language");

        Assert.Equal(AnswerVerdict.Answered, answer.Verdict);
        Assert.DoesNotContain("don't say anything specific", answer.Text, StringComparison.Ordinal);
        Assert.Contains(Quotes.In(answer.Text), q => q.Contains("excellent for beginners", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnswerAsync_WhatDoSeniorsDoDifferentlyAfterJuniorDuties_QuotesTheSeniorsDuties()
    {
        // The twelfth user study: "seniors" (plural) was not read as a role and "differently" not as a comparison, so the
        // answer left out "…also for designing system architectures and making critical technical decisions".
        var answer = await AfterAsync("What does a junior backend developer actually do day to day?", "what about seniors, what do they do differently?", "seniors-differently");

        Assert.Contains(Quotes.In(answer.Text), q => q.Contains("designing system architectures and making critical technical decisions", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnswerAsync_WhatDoesAnArchitectDoDifferentlyFromALead_DescribesBothRoles()
    {
        var answer = await _answers.AnswerAsync(Ask("what does a backend architect do differently from a lead dev", "architect-differently"), CancellationToken.None);

        var quotes = Quotes.In(answer.Text).ToList();
        Assert.Contains(quotes, q => q.Contains("Your day-to-day tasks will include code reviews", StringComparison.Ordinal));
        Assert.Contains(quotes, q => q.Contains("more focused on the big picture", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnswerAsync_PortfolioSteps_AreQuotedWholeAndInTheGuidesOrder()
    {
        // The eighth user study: three of the four portfolio steps came out as 3, 4, the intro, 1; step 2 was missing.
        var answer = await _answers.AnswerAsync(Ask("how do i bild a portfolio as a backend enginer", "portfolio"), CancellationToken.None);

        var quotes = Quotes.In(answer.Text).ToList();
        int At(string start) => quotes.FindIndex(q => q.StartsWith(start, StringComparison.Ordinal));
        Assert.All(new[] { "Create projects", "Collaborate with people on GitHub", "Create a personal website", "Seek internships" }, step => Assert.True(At(step) >= 0, step));
        Assert.True(At("Create projects") < At("Collaborate with people on GitHub") && At("Collaborate with people on GitHub") < At("Create a personal website")
            && At("Create a personal website") < At("Seek internships"), string.Join('\n', quotes));
    }

    [Theory]
    [InlineData("what's the best Netflix series")]
    [InlineData("how do I bake Sourdough bread")]
    public async Task AnswerAsync_OffTopicQuestionNamingSomethingUnknown_IsStillDeclined(string question)
    {
        var answer = await _answers.AnswerAsync(Ask(question, "off-topic-" + question.Length), CancellationToken.None);

        Assert.Equal(AnswerVerdict.NotCovered, answer.Verdict);
    }

    [Fact]
    public async Task AnswerAsync_TellMeMoreAboutANamedThing_SearchesForThatThingNotForMoreOfTheLastAnswer()
    {
        var first = await _answers.AnswerAsync(Ask("what other jobs could i move into later as a backend dev", "data-engineer"), CancellationToken.None);

        var more = await _answers.AnswerAsync(Ask("tell me more about the data engineer one", "data-engineer"), CancellationToken.None);

        Assert.False(first.Declined);
        Assert.Equal(AnswerVerdict.Answered, more.Verdict);
        Assert.Contains(Quotes.In(more.Text), q => q.Contains("data", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task AnswerAsync_TellMeMoreAboutTheFirstOne_AnswersAboutTheFirstThingThePreviousAnswerNamed()
    {
        // The fourth user study's conversation: the previous answer named "Technical Consulting and Product Management".
        var first = await _answers.AnswerAsync(Ask("What other careers can I switch to later with backend experience, besides staying a developer?", "ordinal"), CancellationToken.None);

        var more = await _answers.AnswerAsync(Ask("tell me more about the first one", "ordinal"), CancellationToken.None);

        Assert.Contains("Technical Consulting", first.Text, StringComparison.Ordinal);
        Assert.Equal(AnswerVerdict.Answered, more.Verdict);
        Assert.Contains(Quotes.In(more.Text), q => q.Contains("Technical Consultant", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnswerAsync_TellMeMoreAfterAnAnswerThatQuotedAList_AnswersInsteadOfFailing()
    {
        // The third user study's conversation: the follow-up's lead-in had its list items quoted by the previous answer.
        await _answers.AnswerAsync(Ask("hey! so what does a backend engineer actually do all day at work?", "nosql"), CancellationToken.None);
        var more = await AfterAsync("i'm trying to decide what to study next - which kinds of databases should a backend dev know?", "tell me more about the NoSQL ones", "nosql");

        Assert.False(more.Declined);
        Assert.Contains(Quotes.In(more.Text), q => q.Contains("NoSQL", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnswerAsync_TellMeMoreAboutASubject_QuotesNewSentencesAboutIt_NotTheFirstAnswersLeftovers()
    {
        // The seventh user study: the first answer quoted its passages' NoSQL sentences, and the follow-up got what was
        // left of the same passages (a lead-in about data, the SQL sentence).
        var first = await _answers.AnswerAsync(Ask("Which kinds of databases should a backend engineer know?", "nosql-more"), CancellationToken.None);

        var more = await _answers.AnswerAsync(Ask("tell me more about the NoSQL ones", "nosql-more"), CancellationToken.None);

        var quotes = Quotes.In(more.Text);
        Assert.Contains(quotes, q => q.Contains("NoSQL", StringComparison.Ordinal) && !first.Text.Contains(q, StringComparison.Ordinal));
        Assert.DoesNotContain(quotes, q => q.StartsWith("Websites and applications constantly work with data", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("hw do i get practical experiance if ive never had a dev job", "Begin by focusing on personal projects or contributing to open-source initiatives.")]
    [InlineData("what education do I need to become a backend engineer?", "While a degree in computer science or related fields is beneficial, it is not always mandatory.")]
    public async Task AnswerAsync_QuestionAGuideHeadingAsks_QuotesThatSectionsAnswerFromItsStart(string question, string opening)
    {
        // The seventh user study: the FAQ "How do I gain practical experience?" was retrieved first, but its opening advice
        // lost to sentences that merely shared the words "practical experience".
        var answer = await _answers.AnswerAsync(Ask(question, "faq"), CancellationToken.None);

        Assert.Equal(opening, Quotes.In(answer.Text)[0]);
    }

    [Fact]
    public async Task AnswerAsync_RepeatRequest_MayQuoteThePreviousAnswerAgain()
    {
        var first = await _answers.AnswerAsync(Ask("how do i get a mentor", "repeat"), CancellationToken.None);

        var again = await _answers.AnswerAsync(Ask("can you repeat that?", "repeat"), CancellationToken.None);

        Assert.Contains(Quotes.In(again.Text), q => first.Text.Contains(q, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("fr is leetcode even worth grinding")]
    [InlineData("should i do codewars or leetcode")]
    public async Task AnswerAsync_NameTheSentenceModelCannotRead_IsAnsweredWithTheListThatNamesIt(string question)
    {
        // The twelfth user study: "leetcode" is no word of the model's vocabulary, so the list naming it under "Practice
        // programming skills" sat at cosine 0.06 and the question was declined as unrelated (or answered with degrees).
        var answer = await _answers.AnswerAsync(Ask(question, "unreadable"), CancellationToken.None);

        Assert.Equal(AnswerVerdict.Answered, answer.Verdict);
        var quotes = Quotes.In(answer.Text);
        Assert.Contains("leetcode", quotes);
        Assert.Contains("codewars", quotes);
        Assert.Contains(answer.Citations, c => c.SectionPath[^1] == "Practice programming skills");
    }

    [Theory]
    [InlineData("is the AWS Solutions Architect cert worth it for backend devs?", "AWS Solutions Architect")]
    [InlineData("Is the CKA Kubernetes certification worth getting for a backend developer?", "CKA")]
    public async Task AnswerAsync_CertificateTheGuidesDoNotName_SaysSoFirst_ThenQuotesTheOneTheyDo(string question, string certificate)
    {
        // The eleventh and thirteenth user studies: every word of "AWS Solutions Architect" is a guide word, and "CKA" is a
        // short acronym; the guides name only the AWS Certified Developer certificate, and the answers quoted it as if it
        // answered the question.
        var answer = await _answers.AnswerAsync(Ask(question, "certificate"), CancellationToken.None);

        Assert.Equal(AnswerVerdict.PartlyAnswered, answer.Verdict);
        Assert.StartsWith("The guides don't say anything specific about " + certificate, answer.Text, StringComparison.Ordinal);
        Assert.Contains(Quotes.In(answer.Text), q => q.Contains("AWS Certified Developer", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnswerAsync_SlangQuestionEndingInASigh_IsAnsweredFromTheDebuggingAdvice()
    {
        // The thirteenth user study: "it's killing me" kept a covered question below both thresholds, and it was declined.
        var answer = await _answers.AnswerAsync(Ask("hw do i get gud at debugging ngl it's killing me", "sigh"), CancellationToken.None);

        Assert.Equal(AnswerVerdict.Answered, answer.Verdict);
        Assert.Contains(Quotes.In(answer.Text), q => q.Contains("systematic approach to debugging", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnswerAsync_CompanyTheGuidesNeverName_IsPartlyAnswered_NotDeclined()
    {
        // The thirteenth user study: a question about interviewing at Spotify was declined outright, although the guides
        // have interview preparation among their job-search tips.
        var answer = await _answers.AnswerAsync(Ask("What's the backend interview process like at Spotify and how do I prep for it?", "spotify"), CancellationToken.None);

        Assert.Equal(AnswerVerdict.PartlyAnswered, answer.Verdict);
        Assert.StartsWith("The guides don't say anything specific about Spotify", answer.Text, StringComparison.Ordinal);
        Assert.Contains("Prepare for Interviews", Quotes.In(answer.Text));
    }

    [Fact]
    public async Task AnswerAsync_WhatAlternativeCareers_QuotesTheSentenceThatNamesThem()
    {
        // The twelfth user study: the answer quoted Part 5's first and last paragraphs ("a variety of alternative career
        // paths") and named none; the paragraph between them, which names them, was not retrieved.
        var answer = await _answers.AnswerAsync(Ask("What alternative careers can a backend developer move into?", "alternatives"), CancellationToken.None);

        Assert.Contains(Quotes.In(answer.Text), q => q.Contains("DevOps", StringComparison.Ordinal) && q.Contains("Data Engineering", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnswerAsync_WhatOtherCareers_QuotesASentenceGivingExamples()
    {
        // The thirteenth user study: "what other careers" got the previous answer's longevity sentences and no career.
        var answer = await AfterAsync("fr tho is backend still a safe career or nah", "If I get bored of backend later, what other careers could I move into?", "other-careers");

        Assert.Contains(Quotes.In(answer.Text), q => q.Contains("such as DevOps", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnswerAsync_SecondOneWithNothingToCount_AsksWhichOneInsteadOfGuessing()
    {
        // The thirteenth user study: with no list to count from, "the second one" got the previous answer's sentence again.
        var answer = await AfterAsync("how do I get better at debugging", "tell me more about the second one", "which-one");

        Assert.Equal(CoachReplies.WhichOne, answer.Text);
        Assert.Empty(answer.Citations);
    }

    [Fact]
    public async Task AnswerAsync_SecondOneAfterAnOrNahQuestion_CountsTheAnswersList_NotTheChatTag()
    {
        // "is backend still a safe career or nah" set "safe career" against "nah", and "the second one" searched for "nah".
        var answer = await AfterAsync("fr tho is backend still a safe career or nah", "tell me more about the second one", "or-nah");

        Assert.False(answer.Declined);
        Assert.Contains(answer.Citations, c => c.SectionPath[^1] == "Job Security and Growth Potential");
    }

    [Theory]
    [InlineData("What changes when you become a senior backend developer?", "designing system architectures and making critical technical decisions")]
    [InlineData("whats different about being a lead backend developer", "code reviews, architectural decisions, and mentoring junior developers")]
    public async Task AnswerAsync_WhatChangesInARole_QuotesWhatThatRoleDoes(string question, string duties)
    {
        // The thirteenth user study: "what changes when you become a senior" quoted "a notable milestone" and the guiding of
        // juniors, not the duties the guide gives in the next sentence.
        var answer = await _answers.AnswerAsync(Ask(question, "what-changes"), CancellationToken.None);

        Assert.Contains(Quotes.In(answer.Text), q => q.Contains(duties, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnswerAsync_VerdictInAParagraphNotRetrieved_IsQuotedFromItsSection()
    {
        // The fourteenth user study: the passage of "The Impact of Automation" that was retrieved only describes automation;
        // the verdict is in the section's next paragraph, and the answer gave AI hype without it.
        var answer = await _answers.AnswerAsync(Ask("Is AI going to make backend developers obsolete in a few years?", "obsolete"), CancellationToken.None);

        Assert.Contains(Quotes.In(answer.Text), q => q.Contains("it cannot replace the critical thinking", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnswerAsync_GoDeeperOnAPartOfTheAnswer_DoesNotQuoteWhatWasJustQuoted()
    {
        // The fourteenth user study: "can you go deeper on the authentication part?" names its own subject, so it was
        // answered as a new question and repeated the OAuth and JWT sentence word for word.
        var first = await _answers.AnswerAsync(Ask("What do I need to know about keeping user data safe on the backend?", "deeper"), CancellationToken.None);

        var deeper = await _answers.AnswerAsync(Ask("can you go deeper on the authentication part?", "deeper"), CancellationToken.None);

        Assert.Contains(Quotes.In(first.Text), q => q.Contains("OAuth and JWT", StringComparison.Ordinal));
        Assert.DoesNotContain(Quotes.In(deeper.Text), q => first.Text.Contains(q, StringComparison.Ordinal));
        Assert.Contains(Quotes.In(deeper.Text), q => q.Contains("authentication and authorization mechanisms", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnswerAsync_BestSentenceIntroducesALongList_QuotesTheListItLeadsTo()
    {
        // The fourteenth user study: "you can stand out among the candidates. Here are several tips…:" quoted the framing
        // and left out the twelve tips, because a lead-in of so long a list was quotable only as the best sentence.
        var answer = await _answers.AnswerAsync(Ask("How can I stand out when I'm applying for my first backend job?", "stand-out"), CancellationToken.None);

        var quotes = Quotes.In(answer.Text);
        Assert.Contains("Here are several tips to help you secure a backend engineering job:", quotes);
        Assert.Contains("Build a Strong Portfolio", quotes);
        Assert.Contains("Seek Feedback and Iterate", quotes);
    }

    [Fact]
    public async Task AnswerAsync_BooksOrCourses_QuotesOneSentenceForEach()
    {
        // The fourteenth user study: the answer named course sites only, and the two books the cited section names were
        // left out.
        var answer = await _answers.AnswerAsync(Ask("Are there any books or online courses you'd recommend for leveling up as a backend dev?", "books"), CancellationToken.None);

        var quotes = Quotes.In(answer.Text);
        Assert.Contains(quotes, q => q.Contains("Designing Data-Intensive Applications", StringComparison.Ordinal));
        Assert.Contains(quotes, q => q.Contains("Coursera", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnswerAsync_ProgressionQuestion_DoesNotQuoteTheGuidesNoteAboutFlowcharts()
    {
        // The fourteenth user study: "what does the progression look like from junior to senior?" opened with
        // "Incorporating visual aids like flowcharts or diagrams can help illustrate career progression paths…".
        var answer = await _answers.AnswerAsync(Ask("What does the progression usually look like from junior dev to senior?", "progression"), CancellationToken.None);

        var quotes = Quotes.In(answer.Text);
        Assert.DoesNotContain(quotes, q => q.Contains("flowchart", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(quotes, q => q.Contains("Entry-level engineers typically focus on writing code", StringComparison.Ordinal));
    }

    public sealed class Fixture : IDisposable
    {
        public ServiceProvider Services { get; } = KnowledgeAiServices.BuildHybrid();

        public void Dispose() => Services.Dispose();
    }
}
