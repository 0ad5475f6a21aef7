namespace CoachBot.Coaching.Tests.Interview;

public sealed class InterviewFlowTests(InterviewHostFixture fixture) : IClassFixture<InterviewHostFixture>
{
    // Every test talks in its own channel of the shared host, so interviews never meet.
    private readonly string _channel = "C" + Guid.NewGuid().ToString("N")[..10];

    private InterviewHost Host => fixture.Host;

    private CommandContext Me(string user = "U1", string? thread = null) => InterviewHost.Context(user, _channel, thread);

    [Theory]
    [InlineData("/interview junior databases 5", "start", "junior", "databases", "5")]
    [InlineData("/interview start level:senior track:apis", "start", "senior", "apis", null)]
    [InlineData("/interview", "start", null, null, null)]
    [InlineData("/interview skip", "skip", null, null, null)]
    [InlineData("/interview end", "end", null, null, null)]
    public void TypedCommands_ParseIntoTheSubcommandAndOptions(string line, string subcommand, string? level, string? track, string? questions)
    {
        var parsed = TextCommandParser.ParseLine(Me(), Host.Dispatcher.Catalog, line);

        Assert.NotNull(parsed.Request);
        Assert.Equal(subcommand, parsed.Request!.Subcommand);
        Assert.Equal(level, parsed.Request.Option("level"));
        Assert.Equal(track, parsed.Request.Option("track"));
        Assert.Equal(questions, parsed.Request.Option("questions"));
    }

    [Fact]
    public void TypedCommand_WithTooManyQuestions_IsRefusedWithTheRange()
    {
        var parsed = TextCommandParser.ParseLine(Me(), Host.Dispatcher.Catalog, "/interview junior databases 12");

        Assert.Null(parsed.Request);
        Assert.Contains("between 3 and 8", parsed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_AsksTheFirstQuestionInAThread_AndStoresTheInterview()
    {
        var me = Me();

        var replies = await Host.CommandAsync(me, "/interview junior databases 3");

        var reply = Assert.Single(replies);
        Assert.Equal(ReplyPlacement.Thread, reply.Placement);
        Assert.Contains("Question 1/3", reply.Title, StringComparison.Ordinal);
        var session = await Host.ActiveAsync(me);
        Assert.NotNull(session);
        Assert.Equal("junior", session!.Level);
        Assert.Equal("databases", session.Track);
        Assert.Equal(3, session.QuestionCount);
        var first = Host.Bank.Find(session.QuestionIdList()[0])!;
        Assert.Contains(first.Question, reply.Text, StringComparison.Ordinal);
        Assert.Equal("databases", first.Track);
    }

    [Fact]
    public async Task Answer_GetsScoredFeedbackWithSources_ThenTheNextQuestion()
    {
        var me = Me();
        await Host.CommandAsync(me, "/interview junior databases 3");
        var question = await Host.CurrentQuestionAsync(me);

        var replies = await Host.SayAsync(me, InterviewHost.StrongAnswer(question));

        Assert.Equal(2, replies.Count);
        Assert.Contains("Feedback · Question 1/3", replies[0].Title, StringComparison.Ordinal);
        Assert.Contains("**Coverage: 5/5**", replies[0].Text, StringComparison.Ordinal);
        Assert.Contains($"covers {question.Rubric.Count} of {question.Rubric.Count} key points", replies[0].Text, StringComparison.Ordinal);
        Assert.Contains(InterviewReplies.CannotVerify, replies[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Score:", replies[0].Text, StringComparison.Ordinal);
        Assert.Contains("not a grade", replies[0].Footer, StringComparison.Ordinal);
        Assert.NotEmpty(replies[0].Sources);
        Assert.All(replies, r => Assert.Equal(ReplyPlacement.Thread, r.Placement));
        Assert.Contains("Question 2/3", replies[1].Title, StringComparison.Ordinal);
        var session = await Host.ActiveAsync(me);
        Assert.Equal(1, session!.CurrentIndex);
        var answer = Assert.Single(session.Answers);
        Assert.Equal(5, answer.Score);
        Assert.Equal("offline", answer.FeedbackSource);
    }

    [Theory]
    [InlineData("ok")]
    [InlineData("pizza with pineapple and extra cheese is the best")]
    public async Task ShortOrOffTopicAnswer_GetsANudge_AndTheQuestionStays(string answer)
    {
        var me = Me();
        await Host.CommandAsync(me, "/interview junior databases 3");

        var replies = await Host.SayAsync(me, answer);

        var reply = Assert.Single(replies);
        Assert.DoesNotContain("Score", reply.Text, StringComparison.Ordinal);
        Assert.Contains("/interview skip", reply.Text, StringComparison.Ordinal);
        var session = await Host.ActiveAsync(me);
        Assert.Equal(0, session!.CurrentIndex);
        Assert.Empty(session.Answers);
    }

    [Fact]
    public async Task Skip_MovesOnAndShowsWhatAStrongAnswerCovers()
    {
        var me = Me();
        await Host.CommandAsync(me, "/interview mid apis 3");
        var skipped = await Host.CurrentQuestionAsync(me);

        var replies = await Host.CommandAsync(me, "/interview skip");

        Assert.Equal(2, replies.Count);
        Assert.Contains("Skipped", replies[0].Title, StringComparison.Ordinal);
        Assert.Contains(skipped.Rubric[0].Point, replies[0].Text, StringComparison.Ordinal);
        Assert.Contains("Question 2/3", replies[1].Title, StringComparison.Ordinal);
        var session = await Host.ActiveAsync(me);
        Assert.Equal(InterviewAnswerOutcome.Skipped, Assert.Single(session!.Answers).Outcome);
    }

    [Fact]
    public async Task LastAnswer_EndsWithASummary_AndRecordsTheInterviewForProgress()
    {
        var me = Me();
        await Host.CommandAsync(me, "/interview senior security 3");
        await Host.SayAsync(me, InterviewHost.StrongAnswer(await Host.CurrentQuestionAsync(me)));
        await Host.CommandAsync(me, "/interview skip");
        var last = await Host.CurrentQuestionAsync(me);

        var replies = await Host.SayAsync(me, "Honestly I would mostly look at the logs and then ask someone on the team about " + last.Rubric[0].Keywords[0] + ".");

        var summary = replies[^1];
        Assert.Equal("Mock interview summary", summary.Title);
        Assert.Contains("1. 5/5 coverage", summary.Text, StringComparison.Ordinal);
        Assert.Contains("2. skipped", summary.Text, StringComparison.Ordinal);
        Assert.Contains("**Overall coverage:**", summary.Text, StringComparison.Ordinal);
        Assert.Contains("doesn't check that the answers are right", summary.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("strengths", summary.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("**Gaps to work on**", summary.Text, StringComparison.Ordinal);
        Assert.NotEmpty(summary.Sources);
        Assert.Null(await Host.ActiveAsync(me));
        var finished = Assert.Single(await Host.Store.FinishedForUserAsync(me.User.Key, 100, CancellationToken.None), s => s.ChannelKey == me.Conversation.Channel.ToString());
        Assert.Equal(InterviewSessionStatus.Completed, finished.Status);
        Assert.Equal(3, finished.Answers.Count);
        Assert.NotNull(finished.AverageScore);
        Assert.NotNull(finished.LevelEstimate);
        Assert.Equal(Host.Time!.GetUtcNow(), finished.EndedAt);
    }

    [Fact]
    public async Task End_FinishesEarlyWithTheSummary()
    {
        var me = Me();
        await Host.CommandAsync(me, "/interview lead system-design 4");
        await Host.SayAsync(me, InterviewHost.StrongAnswer(await Host.CurrentQuestionAsync(me)));

        var replies = await Host.CommandAsync(me, "/interview end");

        var summary = Assert.Single(replies);
        Assert.Contains("ended early", summary.Text, StringComparison.Ordinal);
        Assert.Contains("3. not reached", summary.Text, StringComparison.Ordinal);
        var finished = Assert.Single(await Host.Store.FinishedForUserAsync(me.User.Key, 100, CancellationToken.None), s => s.ChannelKey == me.Conversation.Channel.ToString());
        Assert.Equal(InterviewSessionStatus.Ended, finished.Status);
        Assert.Equal(5.0, finished.AverageScore);
        Assert.Equal("lead", finished.LevelEstimate);
    }

    [Fact]
    public async Task SecondStart_InTheSameConversation_IsRefusedWhileOneRuns()
    {
        var me = Me();
        await Host.CommandAsync(me, "/interview junior databases 3");

        var replies = await Host.CommandAsync(me, "/interview senior apis 5");

        Assert.Contains("already have a mock interview", Assert.Single(replies).Text, StringComparison.Ordinal);
        Assert.Equal("junior", (await Host.ActiveAsync(me))!.Level);
    }

    [Fact]
    public async Task Messages_AreClaimedOnlyForTheRightUserInTheRightConversation()
    {
        var me = Me();
        await Host.CommandAsync(me, "/interview junior databases 3");
        var handler = Host.Services.GetServices<IMessageHandler>().OfType<InterviewAnswerHandler>().Single();
        const string answer = "An index is a B-tree that avoids a full table scan but it makes writes slower.";

        var otherUser = await handler.TryHandleAsync(new MessageRequest(Me("U2"), answer, MessageOrigin.Mention), default);
        var otherChannel = await handler.TryHandleAsync(new MessageRequest(InterviewHost.Context("U1", _channel + "x"), answer, MessageOrigin.Mention), default);
        var otherPlatform = await handler.TryHandleAsync(new MessageRequest(InterviewHost.Context("U1", _channel, platform: Core.Conversations.ChatPlatform.Discord), answer, MessageOrigin.Mention), default);
        var mine = await handler.TryHandleAsync(new MessageRequest(me, answer, MessageOrigin.Mention), default);

        Assert.Null(otherUser);
        Assert.Null(otherChannel);
        Assert.Null(otherPlatform);
        Assert.NotNull(mine);
        Assert.Equal(100, handler.Order);
    }

    [Fact]
    public async Task InterviewStartedInAChannel_IsBoundToTheThreadOfTheFirstAnswer()
    {
        var inChannel = Me();
        var inThread = Me(thread: "1700000000.000100");
        await Host.CommandAsync(inChannel, "/interview junior apis 3");
        var question = await Host.CurrentQuestionAsync(inChannel);

        var answered = await Host.SayAsync(inThread, InterviewHost.StrongAnswer(question));
        var laterInChannel = await Host.SayAsync(inChannel, "An unrelated question about salaries for backend engineers please", MessageOrigin.Mention);

        Assert.Contains("Feedback", answered[0].Title, StringComparison.Ordinal);
        Assert.Equal("1700000000.000100", (await Host.ActiveAsync(inThread))!.ThreadId);
        Assert.DoesNotContain(laterInChannel, r => r.Title?.Contains("Mock interview", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task SkipOrEnd_WithoutAnInterview_SaysHowToStartOne()
    {
        var replies = await Host.CommandAsync(Me("U9"), "/interview skip");

        var reply = Assert.Single(replies);
        Assert.Equal(ReplyVisibility.Ephemeral, reply.Visibility);
        Assert.Contains("/interview junior databases", reply.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/interview wizard databases", "level", "junior, mid, senior, lead")]
    [InlineData("/interview junior cooking", "track", "databases")]
    public void UnknownLevelOrTrack_IsRefusedWithTheChoices(string line, string named, string listed)
    {
        var parsed = TextCommandParser.ParseLine(Me(), Host.Dispatcher.Catalog, line);

        Assert.Null(parsed.Request);
        Assert.Contains(named, parsed.Error, StringComparison.Ordinal);
        Assert.Contains(listed, parsed.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/interview mid-level \"system design\" 3", "mid", "system-design")]
    [InlineData("/interview lead/architect APIs 3", "lead", "apis")]
    public async Task DisplayNamesOfTheChoices_AreUnderstoodToo(string line, string level, string track)
    {
        var me = Me();

        await Host.CommandAsync(me, line);

        var session = await Host.ActiveAsync(me);
        Assert.Equal(level, session!.Level);
        Assert.Equal(track, session.Track);
    }
}
