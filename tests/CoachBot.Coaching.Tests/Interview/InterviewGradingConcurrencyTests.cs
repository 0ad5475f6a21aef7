namespace CoachBot.Coaching.Tests.Interview;

/// <summary>
/// The interview lock covers store reads and writes only: a grading that waits on a slow model (a gate the test opens)
/// blocks nobody else, and a second message from the same person meanwhile is refused, never graded twice. Every
/// interview shares one lock stripe here, the worst case of the striped lock.
/// </summary>
public sealed class InterviewGradingConcurrencyTests : IAsyncLifetime, IDisposable
{
    // Only a guard against a hang if the behaviour regresses; nothing is measured.
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(60);

    private readonly TempDirectory _data = new("coachbot-interview", Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools);
    private readonly GatedFeedbackModel _model = new();
    private InterviewHost _host = null!;

    public async Task InitializeAsync() => _host = await InterviewHost.StartAsync(_data.Path, seams: seams => seams
        .Override<IInterviewFeedbackModel>(_model)
        .Override(new InterviewLocks(stripes: 1)));

    public async Task DisposeAsync()
    {
        _model.Release();
        await _host.DisposeAsync();
    }

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task OneAnswerWaitingOnTheModel_DoesNotBlockAnotherUsersAnswerOnTheSameStripe()
    {
        var slow = InterviewHost.Context("U-slow", "C1");
        var other = InterviewHost.Context("U-other", "C2");
        await _host.CommandAsync(slow, "/interview junior databases 3");
        await _host.CommandAsync(other, "/interview junior databases 3");

        var slowAnswer = _host.SayAsync(slow, InterviewHost.StrongAnswer(await _host.CurrentQuestionAsync(slow)) + " " + GatedFeedbackModel.SlowMarker);
        await _model.SlowCallStarted.WaitAsync(Hang);
        var otherReplies = await _host.SayAsync(other, InterviewHost.StrongAnswer(await _host.CurrentQuestionAsync(other))).WaitAsync(Hang);

        Assert.Contains("**Score: 4/5**", otherReplies[0].Text, StringComparison.Ordinal);
        Assert.Equal(1, (await _host.ActiveAsync(other))!.CurrentIndex);
        Assert.False(slowAnswer.IsCompleted, "the slow grading is still waiting on the model");

        _model.Release();
        var slowReplies = await slowAnswer.WaitAsync(Hang);
        Assert.Contains("**Score: 4/5**", slowReplies[0].Text, StringComparison.Ordinal);
        Assert.Equal(1, (await _host.ActiveAsync(slow))!.CurrentIndex);
    }

    [Fact]
    public async Task ASecondAnswerWhileTheFirstIsGraded_IsRefusedAndNeverGraded()
    {
        var me = InterviewHost.Context("U-twice", "C3");
        await _host.CommandAsync(me, "/interview junior databases 3");
        var question = await _host.CurrentQuestionAsync(me);
        var first = _host.SayAsync(me, InterviewHost.StrongAnswer(question) + " " + GatedFeedbackModel.SlowMarker);
        await _model.SlowCallStarted.WaitAsync(Hang);

        var second = await _host.SayAsync(me, InterviewHost.StrongAnswer(question)).WaitAsync(Hang);
        var skip = await _host.CommandAsync(me, "/interview skip").WaitAsync(Hang);

        Assert.Contains("still grading your answer to question 1/3", Assert.Single(second).Text, StringComparison.Ordinal);
        Assert.Contains("still grading your answer to question 1/3", Assert.Single(skip).Text, StringComparison.Ordinal);
        Assert.Equal(1, _model.Calls);

        _model.Release();
        var replies = await first.WaitAsync(Hang);
        Assert.Contains("**Score: 4/5**", replies[0].Text, StringComparison.Ordinal);
        var session = (await _host.ActiveAsync(me))!;
        Assert.Equal(1, session.CurrentIndex);
        Assert.Equal(InterviewAnswerOutcome.Scored, Assert.Single(session.Answers).Outcome);
        Assert.Equal(1, _model.Calls);
    }

    [Fact]
    public async Task TheIsThereAnInterviewHereCheck_DoesNotTakeTheStripeLock()
    {
        var locks = _host.Services.GetRequiredService<InterviewLocks>();
        var stranger = InterviewHost.Context("U-no-interview", "C4");

        using (await locks.AcquireAsync("someone", "elsewhere", CancellationToken.None))
        {
            var replies = await _host.SayAsync(stranger, "what is an index?").WaitAsync(Hang);

            Assert.DoesNotContain(replies, r => r.Text.Contains("grading", StringComparison.Ordinal));
        }

        Assert.Equal(0, _model.Calls);
    }
}
