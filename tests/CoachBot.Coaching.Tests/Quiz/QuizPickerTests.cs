namespace CoachBot.Coaching.Tests.Quiz;

/// <summary><c>/quiz</c> without a skill: a private picker with one button per skill, "surprise me" and "my weakest skill".</summary>
public sealed class QuizPickerTests : IAsyncLifetime
{
    private readonly CommandContext _ada = QuizTestHost.User("1", "Ada");
    private readonly CommandContext _bob = QuizTestHost.User("2", "Bob");
    private QuizTestHost _host = null!;

    public async Task InitializeAsync() => _host = await QuizTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Quiz_NoSkill_OffersOneButtonPerSkillPlusSurpriseAndWeakest_ToTheCallerOnly()
    {
        var picker = await _host.CommandAsync(_ada, "quiz");

        Assert.Equal(ReplyVisibility.Ephemeral, picker.Visibility);
        Assert.Equal(_host.Bank.Skills.Count + 2, picker.Buttons.Count);
        Assert.Equal(_host.Bank.Skills.Select(s => s.Title), picker.Buttons.Take(_host.Bank.Skills.Count).Select(b => b.Label));
        Assert.Equal([QuizReplies.SurpriseLabel, QuizReplies.WeakestLabel], picker.Buttons.Skip(_host.Bank.Skills.Count).Select(b => b.Label));
        Assert.All(picker.Buttons, b => Assert.True(ButtonId.TryParse(b.Id, out _), b.Id));
    }

    [Fact]
    public async Task QuizCommand_WithoutASkill_DeclaresAPrivateFirstReply_WithAKnownSkill_APublicOne()
    {
        var screen = (string? skill) => _host.Dispatcher.ScreenAsync(new CommandRequest(
            _ada, "quiz", null, skill is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["skill"] = skill }), CancellationToken.None);

        Assert.Equal(ReplyVisibility.Ephemeral, (await screen(null)).FirstReplyVisibility);
        Assert.Equal(ReplyVisibility.Ephemeral, (await screen("basket-weaving")).FirstReplyVisibility);
        Assert.Equal(ReplyVisibility.Public, (await screen("sql")).FirstReplyVisibility);
    }

    [Fact]
    public async Task PickingASkill_ClosesThePicker_ThenStartsThatQuizPubliclyForTheClicker_WithTheCommandsCountAndDifficulty()
    {
        var picker = await _host.CommandAsync(_ada, "quiz", ("questions", "4"), ("difficulty", "easy"));
        var security = picker.Buttons.Single(b => b.Label == _host.Bank.FindSkill("security")!.Title);

        var replies = await _host.Dispatcher.DispatchAsync(new ButtonRequest(_ada, security.Id), CancellationToken.None);

        Assert.Equal(2, replies.Count);
        Assert.Equal((ReplyVisibility.Ephemeral, ReplyPlacement.UpdateSource), (replies[0].Visibility, replies[0].Placement));
        Assert.Empty(replies[0].Buttons);
        Assert.Equal(ReplyVisibility.Public, replies[1].Visibility);
        Assert.Equal("Quiz · Question 1/4", replies[1].Title);
        var stored = await _host.Store.FindAsync(QuizTestHost.SessionOf(replies[1]), CancellationToken.None);
        Assert.Equal((_ada.User.Key, "security", 4, "easy"), (stored!.UserKey, stored.Skill, stored.QuestionCount, stored.Difficulty));
    }

    [Fact]
    public async Task SomeoneElsesPickerButton_IsRefusedPrivately_AndStartsNothing()
    {
        var picker = await _host.CommandAsync(_ada, "quiz");

        var refusal = await _host.ClickAsync(_bob, picker.Buttons[0].Id);

        Assert.Equal(ReplyVisibility.Ephemeral, refusal.Visibility);
        Assert.Contains("someone else", refusal.Text, StringComparison.Ordinal);
        Assert.Null(await _host.Store.FindActiveAsync(_bob.User.Key, _bob.Conversation.ToString(), CancellationToken.None));
    }

    [Theory]
    [InlineData("quiz:pick:basket-weaving:0:mixed:{owner}")]
    [InlineData("quiz:pick:databases:99:mixed:{owner}")]
    [InlineData("quiz:pick:databases:0:mixed:0000000000")]
    [InlineData("quiz:pick:databases:0:mixed")]
    public async Task ForgedPickerIds_AreRefusedPrivately_AndStartNothing(string forged)
    {
        var id = forged.Replace("{owner}", ButtonOwner.Tag(_ada.User), StringComparison.Ordinal);

        var refusal = await _host.ClickAsync(_ada, id);

        Assert.Equal(ReplyVisibility.Ephemeral, refusal.Visibility);
        Assert.Null(await _host.Store.FindActiveAsync(_ada.User.Key, _ada.Conversation.ToString(), CancellationToken.None));
    }

    [Fact]
    public async Task MyWeakestSkill_StartsTheSkillWithTheLowestShareOfRightAnswers()
    {
        var databases = QuizTestHost.SessionOf(await _host.QuizAsync(_ada, "databases", 3));
        for (var i = 0; i < 3; i++)
        {
            await _host.AnswerAsync(_ada, databases, i, right: true);
        }

        var security = QuizTestHost.SessionOf(await _host.QuizAsync(_ada, "security", 3));
        for (var i = 0; i < 3; i++)
        {
            await _host.AnswerAsync(_ada, security, i, right: i == 0);
        }

        var picker = await _host.CommandAsync(_ada, "quiz");
        var replies = await _host.Dispatcher.DispatchAsync(
            new ButtonRequest(_ada, picker.Buttons.Single(b => b.Label == QuizReplies.WeakestLabel).Id), CancellationToken.None);

        Assert.Contains("33% right", replies[0].Text, StringComparison.Ordinal);
        var stored = await _host.Store.FindAsync(QuizTestHost.SessionOf(replies[1]), CancellationToken.None);
        Assert.Equal("security", stored!.Skill);
    }

    [Fact]
    public async Task MyWeakestSkill_WithNoAnswersYet_StartsOneAndSaysWhy()
    {
        var picker = await _host.CommandAsync(_ada, "quiz");

        var replies = await _host.Dispatcher.DispatchAsync(
            new ButtonRequest(_ada, picker.Buttons.Single(b => b.Label == QuizReplies.WeakestLabel).Id), CancellationToken.None);

        Assert.Contains("no quiz answers yet", replies[0].Text, StringComparison.Ordinal);
        Assert.Equal(QuizSessionStatus.Active, (await _host.Store.FindAsync(QuizTestHost.SessionOf(replies[1]), CancellationToken.None))!.Status);
    }
}
