namespace CoachBot.Coaching.Tests.Quiz;

public sealed class QuizFlowTests : IAsyncLifetime
{
    private readonly CommandContext _ada = QuizTestHost.User("1", "Ada");
    private readonly CommandContext _bob = QuizTestHost.User("2", "Bob");
    private QuizTestHost _host = null!;

    public async Task InitializeAsync() => _host = await QuizTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Quiz_UnknownSkill_SaysSoAndOffersTheSkillPicker()
    {
        var reply = await _host.CommandAsync(_ada, "quiz", ("skill", "basket-weaving"));

        Assert.Equal(ReplyVisibility.Ephemeral, reply.Visibility);
        Assert.Contains("basket-weaving", reply.Text, StringComparison.Ordinal);
        Assert.Equal(_host.Bank.Skills.Select(s => s.Title).Append(QuizReplies.SurpriseLabel).Append(QuizReplies.WeakestLabel), reply.Buttons.Select(b => b.Label));
    }

    [Fact]
    public async Task Quiz_Start_ShowsTheFirstQuestionWithFourAnswerButtons()
    {
        var reply = await _host.QuizAsync(_ada, "databases", 5);

        Assert.Equal("Quiz · Question 1/5", reply.Title);
        Assert.Equal(4, reply.Buttons.Count);
        var session = QuizTestHost.SessionOf(reply);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(QuizButtons.Answer(session, 0, i), reply.Buttons[i].Id);
            Assert.StartsWith($"{(char)('A' + i)}. ", reply.Buttons[i].Label, StringComparison.Ordinal);
            Assert.True(reply.Buttons[i].Label.Length <= ReplyButton.MaxLabelLength);
        }

        var stored = await _host.Store.FindAsync(session, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal(("discord:1", "databases", 5, QuizSessionStatus.Active), (stored.UserKey, stored.Skill, stored.QuestionCount, stored.Status));
    }

    [Theory]
    [InlineData("sql")]
    [InlineData("RDBMS")]
    [InlineData("Relational databases and SQL")]
    public async Task Quiz_AliasOrTitle_StartsTheDatabasesQuiz(string typed)
    {
        var reply = await _host.QuizAsync(_ada, typed, 3);

        var session = await _host.Store.FindAsync(QuizTestHost.SessionOf(reply), CancellationToken.None);
        Assert.Equal("databases", session!.Skill);
    }

    [Fact]
    public async Task Quiz_Difficulty_PicksQuestionsOfThatDifficultyFirst()
    {
        var reply = await _host.QuizAsync(_ada, "security", 3, "easy");

        var session = await _host.Store.FindAsync(QuizTestHost.SessionOf(reply), CancellationToken.None);
        Assert.All(session!.QuestionIdList(), id => Assert.Equal("easy", _host.Bank.FindQuestion(id)!.Difficulty));
    }

    [Theory]
    [InlineData("2")]
    [InlineData("11")]
    [InlineData("many")]
    public async Task Quiz_QuestionCountOutOfRange_IsRefusedWithTheRange(string count)
    {
        var reply = await _host.CommandAsync(_ada, "quiz", ("skill", "databases"), ("questions", count));

        Assert.Equal(ReplyVisibility.Ephemeral, reply.Visibility);
        Assert.Contains("10", reply.Text, StringComparison.Ordinal);
        Assert.Null(await _host.Store.FindActiveAsync("discord:1", _ada.Conversation.ToString(), CancellationToken.None));
    }

    [Fact]
    public async Task Answer_Right_IsRecordedAndTheReplyExplainsCitesAndAsksTheNextQuestion()
    {
        var session = QuizTestHost.SessionOf(await _host.QuizAsync(_ada, "databases", 3));

        var reply = await _host.AnswerAsync(_ada, session, 0, right: true);

        Assert.Equal(ReplyPlacement.UpdateSource, reply.Placement);
        Assert.Equal("Quiz · Question 2/3", reply.Title);
        Assert.Contains("Right!", reply.Text, StringComparison.Ordinal);
        var question = _host.Bank.FindQuestion((await _host.Store.FindAsync(session, CancellationToken.None))!.QuestionIdList()[0])!;
        Assert.Contains(question.Explanation, reply.Text, StringComparison.Ordinal);
        Assert.NotEmpty(reply.Sources);
        Assert.All(reply.Buttons, b => Assert.StartsWith($"quiz:{session}:1:", b.Id, StringComparison.Ordinal));
        var answer = Assert.Single(await _host.Store.AnswersAsync(session, CancellationToken.None));
        Assert.True(answer.IsCorrect);
    }

    [Fact]
    public async Task Answer_Wrong_ShowsTheRightAnswerAndIsRecordedAsWrong()
    {
        var session = QuizTestHost.SessionOf(await _host.QuizAsync(_ada, "databases", 3));
        var correct = await _host.CorrectOptionAsync(session, 0);

        var reply = await _host.AnswerAsync(_ada, session, 0, right: false);

        Assert.Contains("Not quite", reply.Text, StringComparison.Ordinal);
        Assert.Contains($"the answer is **{(char)('A' + correct)}.", reply.Text, StringComparison.Ordinal);
        Assert.False(Assert.Single(await _host.Store.AnswersAsync(session, CancellationToken.None)).IsCorrect);
    }

    [Fact]
    public async Task Answer_DoubleClick_CountsOnce()
    {
        var session = QuizTestHost.SessionOf(await _host.QuizAsync(_ada, "databases", 3));
        await _host.AnswerAsync(_ada, session, 0, right: true);

        var again = await _host.AnswerAsync(_ada, session, 0, right: false);

        Assert.Equal(ReplyVisibility.Ephemeral, again.Visibility);
        Assert.Contains("counted once", again.Text, StringComparison.Ordinal);
        var stored = await _host.Store.FindAsync(session, CancellationToken.None);
        Assert.Equal((1, 1), (stored!.CurrentIndex, stored.CorrectCount));
        Assert.Single(await _host.Store.AnswersAsync(session, CancellationToken.None));
    }

    [Fact]
    public async Task Answer_ConcurrentClicksOnOneQuestion_CountOnce()
    {
        var session = QuizTestHost.SessionOf(await _host.QuizAsync(_ada, "databases", 3));
        var correct = await _host.CorrectOptionAsync(session, 0);

        var replies = await Task.WhenAll(Enumerable.Range(0, 6)
            .Select(_ => Task.Run(() => _host.ClickAsync(_ada, QuizButtons.Answer(session, 0, correct)))));

        Assert.Single(replies, r => r.Placement == ReplyPlacement.UpdateSource);
        Assert.Single(await _host.Store.AnswersAsync(session, CancellationToken.None));
        Assert.Equal(1, (await _host.Store.FindAsync(session, CancellationToken.None))!.CurrentIndex);
    }

    [Fact]
    public async Task Answer_OnSomeoneElsesQuiz_IsRefusedPolitelyAndChangesNothing()
    {
        var session = QuizTestHost.SessionOf(await _host.QuizAsync(_ada, "databases", 3));

        var reply = await _host.AnswerAsync(_bob, session, 0, right: true);

        Assert.Equal(ReplyVisibility.Ephemeral, reply.Visibility);
        Assert.Contains("belongs to someone else", reply.Text, StringComparison.Ordinal);
        Assert.Empty(await _host.Store.AnswersAsync(session, CancellationToken.None));
        Assert.Equal(0, (await _host.Store.FindAsync(session, CancellationToken.None))!.CurrentIndex);
    }

    [Theory]
    [InlineData("quiz:0123456789abcdef0123456789abcdef:0:0")]
    [InlineData("quiz:not-a-session:0:0")]
    [InlineData("quiz:0123456789abcdef0123456789abcdef:0")]
    [InlineData("quiz:0123456789abcdef0123456789abcdef:0:9")]
    [InlineData("quiz:new:0123456789abcdef0123456789abcdef:databases:50:mixed")]
    [InlineData("quiz:keep:..")]
    [InlineData("quiz")]
    public async Task Answer_ForgedButtonId_IsRefusedAndChangesNothing(string buttonId)
    {
        var session = QuizTestHost.SessionOf(await _host.QuizAsync(_ada, "databases", 3));

        var reply = await _host.ClickAsync(_ada, buttonId);

        Assert.Equal(ReplyVisibility.Ephemeral, reply.Visibility);
        Assert.Contains("Nothing was changed", reply.Text, StringComparison.Ordinal);
        Assert.Empty(await _host.Store.AnswersAsync(session, CancellationToken.None));
    }

    [Fact]
    public async Task Answer_QuestionNotYetAsked_IsRefused()
    {
        var session = QuizTestHost.SessionOf(await _host.QuizAsync(_ada, "databases", 3));

        var reply = await _host.ClickAsync(_ada, QuizButtons.Answer(session, 2, 0));

        Assert.Equal(ReplyVisibility.Ephemeral, reply.Visibility);
        Assert.Empty(await _host.Store.AnswersAsync(session, CancellationToken.None));
    }

    [Fact]
    public async Task Answer_After30IdleMinutes_IsRefusedAndTheQuizExpires()
    {
        var session = QuizTestHost.SessionOf(await _host.QuizAsync(_ada, "databases", 3));
        _host.Time.Advance(TimeSpan.FromMinutes(30));

        var reply = await _host.AnswerAsync(_ada, session, 0, right: true);

        Assert.Equal(ReplyVisibility.Ephemeral, reply.Visibility);
        Assert.Contains("expired", reply.Text, StringComparison.Ordinal);
        Assert.Equal(QuizSessionStatus.Expired, (await _host.Store.FindAsync(session, CancellationToken.None))!.Status);
        Assert.Empty(await _host.Store.AnswersAsync(session, CancellationToken.None));
    }

    [Fact]
    public async Task Answer_After29IdleMinutes_IsStillRecorded()
    {
        var session = QuizTestHost.SessionOf(await _host.QuizAsync(_ada, "databases", 3));
        _host.Time.Advance(TimeSpan.FromMinutes(29));

        var reply = await _host.AnswerAsync(_ada, session, 0, right: true);

        Assert.Equal(ReplyPlacement.UpdateSource, reply.Placement);
        Assert.Single(await _host.Store.AnswersAsync(session, CancellationToken.None));
    }

    [Fact]
    public async Task LastAnswer_ShowsTheScoreAndWhatToStudyNext()
    {
        var session = QuizTestHost.SessionOf(await _host.QuizAsync(_ada, "databases", 3));
        await _host.AnswerAsync(_ada, session, 0, right: true);
        await _host.AnswerAsync(_ada, session, 1, right: false);

        var last = await _host.AnswerAsync(_ada, session, 2, right: true);

        Assert.Equal("Quiz · Finished", last.Title);
        // The shared formatter's rounding, the same /progress uses: 2 of 3 is 67%.
        Assert.Contains("Score: 2/3 (67%)", last.Text, StringComparison.Ordinal);
        Assert.Contains("What to study next", last.Text, StringComparison.Ordinal);
        Assert.Empty(last.Buttons);
        var missedReference = _host.Bank.FindQuestion((await _host.Store.FindAsync(session, CancellationToken.None))!.QuestionIdList()[1])!.Reference;
        Assert.Contains(last.Sources, s => missedReference.StartsWith(s.GuideId + "#", StringComparison.Ordinal));
        Assert.Equal(QuizSessionStatus.Completed, (await _host.Store.FindAsync(session, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task TwoOfThree_ReadsTheSamePercentInTheSummaryAndInProgress()
    {
        var session = QuizTestHost.SessionOf(await _host.QuizAsync(_ada, "databases", 3));
        await _host.AnswerAsync(_ada, session, 0, right: true);
        await _host.AnswerAsync(_ada, session, 1, right: false);
        var last = await _host.AnswerAsync(_ada, session, 2, right: true);

        var progress = await _host.CommandAsync(_ada, "progress");

        Assert.Contains("(67%)", last.Text, StringComparison.Ordinal);
        Assert.Contains("**Accuracy:** 67%", progress.Text, StringComparison.Ordinal);
        Assert.Contains("67% right", progress.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quiz_WhileAnotherIsActive_AsksToAbandonOrKeep()
    {
        var first = QuizTestHost.SessionOf(await _host.QuizAsync(_ada, "databases", 3));

        var prompt = await _host.QuizAsync(_ada, "security", 3);

        Assert.Equal(ReplyVisibility.Ephemeral, prompt.Visibility);
        Assert.Equal([QuizReplies.AbandonLabel, QuizReplies.KeepLabel], prompt.Buttons.Select(b => b.Label));
        Assert.Equal(QuizSessionStatus.Active, (await _host.Store.FindAsync(first, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task AbandonAndStartNew_EndsTheOldQuizAndStartsTheNewOne()
    {
        var first = QuizTestHost.SessionOf(await _host.QuizAsync(_ada, "databases", 3));
        var prompt = await _host.QuizAsync(_ada, "security", 4);

        var reply = await _host.ClickAsync(_ada, prompt.Buttons[0].Id);

        Assert.Equal("Quiz · Question 1/4", reply.Title);
        var second = await _host.Store.FindAsync(QuizTestHost.SessionOf(reply), CancellationToken.None);
        Assert.Equal("security", second!.Skill);
        Assert.Equal(QuizSessionStatus.Abandoned, (await _host.Store.FindAsync(first, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task KeepCurrent_ShowsTheCurrentQuestionAgain()
    {
        var first = QuizTestHost.SessionOf(await _host.QuizAsync(_ada, "databases", 3));
        await _host.AnswerAsync(_ada, first, 0, right: true);
        var prompt = await _host.QuizAsync(_ada, "security", 3);

        var reply = await _host.ClickAsync(_ada, prompt.Buttons[1].Id);

        Assert.Equal("Quiz · Question 2/3", reply.Title);
        Assert.All(reply.Buttons, b => Assert.StartsWith($"quiz:{first}:1:", b.Id, StringComparison.Ordinal));
        Assert.Equal(QuizSessionStatus.Active, (await _host.Store.FindAsync(first, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task AbandonButton_ClickedBySomeoneElse_IsRefused()
    {
        var first = QuizTestHost.SessionOf(await _host.QuizAsync(_ada, "databases", 3));
        var prompt = await _host.QuizAsync(_ada, "security", 3);

        var reply = await _host.ClickAsync(_bob, prompt.Buttons[0].Id);

        Assert.Contains("Nothing was changed", reply.Text, StringComparison.Ordinal);
        Assert.Equal(QuizSessionStatus.Active, (await _host.Store.FindAsync(first, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Quiz_AfterTheOldOneWentIdle_StartsWithoutAsking()
    {
        var first = QuizTestHost.SessionOf(await _host.QuizAsync(_ada, "databases", 3));
        _host.Time.Advance(TimeSpan.FromMinutes(31));

        var reply = await _host.QuizAsync(_ada, "security", 3);

        Assert.Equal("Quiz · Question 1/3", reply.Title);
        Assert.Equal(QuizSessionStatus.Expired, (await _host.Store.FindAsync(first, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Quiz_InAnotherChannel_IsIndependent()
    {
        await _host.QuizAsync(_ada, "databases", 3);

        var other = await _host.QuizAsync(QuizTestHost.User("1", "Ada", channel: "c2"), "security", 3);

        Assert.Equal("Quiz · Question 1/3", other.Title);
    }

    [Fact]
    public async Task Janitor_ExpiresIdleQuizzes()
    {
        var session = QuizTestHost.SessionOf(await _host.QuizAsync(_ada, "databases", 3));
        _host.Time.Advance(TimeSpan.FromMinutes(45));

        var expired = await _host.Janitor.SweepAsync(CancellationToken.None);

        Assert.Equal(1, expired);
        Assert.Equal(QuizSessionStatus.Expired, (await _host.Store.FindAsync(session, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task OptionOrder_IsStablePerSessionAndKeepsTheRightAnswer()
    {
        var question = _host.Bank.Skills[0].Questions[0];

        var a = question.ForSession("0123456789abcdef0123456789abcdef");
        var b = question.ForSession("0123456789abcdef0123456789abcdef");

        Assert.Equal(a.Options, b.Options);
        Assert.Equal(question.CorrectOption, a.CorrectOption);
        Assert.Equal(question.Options.Order(StringComparer.Ordinal), a.Options.Order(StringComparer.Ordinal));
    }
}
