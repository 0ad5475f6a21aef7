namespace CoachBot.Coaching.Tests.Interview;

/// <summary>Restarts (a new service provider on the same SQLite file) and idle expiry (a fake clock).</summary>
public sealed class InterviewLifecycleTests : IDisposable
{
    private readonly TempDirectory _data = new("coachbot-interview", Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools);

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Restart_ResumesAtTheSameQuestion()
    {
        var me = InterviewHost.Context("U1", "D1");
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
        string secondQuestion;
        await using (var before = await InterviewHost.StartAsync(_data.Path, clock))
        {
            await before.CommandAsync(me, "/interview mid testing-cicd 3");
            await before.SayAsync(me, InterviewHost.StrongAnswer(await before.CurrentQuestionAsync(me)));
            secondQuestion = (await before.CurrentQuestionAsync(me)).Id;
        }

        clock.Advance(TimeSpan.FromMinutes(10));
        await using var after = await InterviewHost.StartAsync(_data.Path, clock);
        var question = await after.CurrentQuestionAsync(me);
        var replies = await after.SayAsync(me, InterviewHost.StrongAnswer(question));

        Assert.Equal(secondQuestion, question.Id);
        Assert.Contains("Feedback · Question 2/3", replies[0].Title, StringComparison.Ordinal);
        Assert.Contains("Question 3/3", replies[1].Title, StringComparison.Ordinal);
        Assert.Equal(2, (await after.ActiveAsync(me))!.Answers.Count);
    }

    [Fact]
    public async Task IdleInterview_ExpiresAfterSixtyMinutes_AndLaterMessagesPassToOtherFeatures()
    {
        await using var host = await InterviewHost.StartAsync(_data.Path);
        var me = InterviewHost.Context();
        await host.CommandAsync(me, "/interview junior databases 3");
        var handler = host.Services.GetServices<IMessageHandler>().OfType<InterviewAnswerHandler>().Single();
        var answer = InterviewHost.StrongAnswer(await host.CurrentQuestionAsync(me));

        host.Time!.Advance(TimeSpan.FromMinutes(61));
        var expired = await handler.TryHandleAsync(new MessageRequest(me, answer, MessageOrigin.ThreadReply), default);
        var next = await handler.TryHandleAsync(new MessageRequest(me, answer, MessageOrigin.ThreadReply), default);

        Assert.Contains("timed out after 60 minutes", Assert.Single(expired!).Text, StringComparison.Ordinal);
        Assert.Null(next);
        var finished = Assert.Single(await host.Store.FinishedForUserAsync(me.User.Key, 5, CancellationToken.None));
        Assert.Equal(InterviewSessionStatus.Expired, finished.Status);
    }

    [Fact]
    public async Task ActivityKeepsTheInterviewAlive_PastSixtyMinutesInTotal()
    {
        await using var host = await InterviewHost.StartAsync(_data.Path);
        var me = InterviewHost.Context();
        await host.CommandAsync(me, "/interview junior databases 3");

        host.Time!.Advance(TimeSpan.FromMinutes(59));
        await host.SayAsync(me, InterviewHost.StrongAnswer(await host.CurrentQuestionAsync(me)));
        host.Time!.Advance(TimeSpan.FromMinutes(59));
        var replies = await host.SayAsync(me, InterviewHost.StrongAnswer(await host.CurrentQuestionAsync(me)));

        Assert.Contains("Feedback · Question 2/3", replies[0].Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_AfterAnExpiredInterview_BeginsAFreshOne()
    {
        await using var host = await InterviewHost.StartAsync(_data.Path);
        var me = InterviewHost.Context();
        await host.CommandAsync(me, "/interview junior databases 3");
        host.Time!.Advance(TimeSpan.FromHours(2));

        var replies = await host.CommandAsync(me, "/interview senior apis 4");

        Assert.Contains("Question 1/4", Assert.Single(replies).Title, StringComparison.Ordinal);
        Assert.Equal("senior", (await host.ActiveAsync(me))!.Level);
        Assert.Equal(InterviewSessionStatus.Expired, Assert.Single(await host.Store.FinishedForUserAsync(me.User.Key, 5, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task IdleTimeout_IsConfigurable()
    {
        await using var host = await InterviewHost.StartAsync(_data.Path, settings: new Dictionary<string, string?> { ["Interview:IdleTimeoutMinutes"] = "5" });
        var me = InterviewHost.Context();
        await host.CommandAsync(me, "/interview junior databases 3");

        host.Time!.Advance(TimeSpan.FromMinutes(6));
        var replies = await host.SayAsync(me, InterviewHost.StrongAnswer(await host.CurrentQuestionAsync(me)));

        Assert.Contains("timed out after 5 minutes", Assert.Single(replies).Text, StringComparison.Ordinal);
    }
}
