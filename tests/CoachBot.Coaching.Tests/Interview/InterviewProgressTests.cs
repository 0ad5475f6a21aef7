namespace CoachBot.Coaching.Tests.Interview;

/// <summary>Finished interviews show up in /progress through the progress contributor.</summary>
public sealed class InterviewProgressTests : IDisposable
{
    private readonly TempDirectory _data = new("coachbot-interview", Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools);

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Progress_BeforeAnyInterview_SuggestsStartingOne()
    {
        await using var host = await InterviewHost.StartAsync(_data.Path);
        var contributor = host.Services.GetServices<IProgressContributor>().OfType<InterviewProgressContributor>().Single();

        var text = await contributor.DescribeAsync(InterviewHost.Context(), CancellationToken.None);

        Assert.Contains("none yet", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Progress_AfterACompletedInterview_ShowsItsTrackScoreAndLevelEstimate()
    {
        await using var host = await InterviewHost.StartAsync(_data.Path);
        var me = InterviewHost.Context();
        await host.CommandAsync(me, "/interview junior databases 3");
        for (var i = 0; i < 3; i++)
        {
            await host.SayAsync(me, InterviewHost.StrongAnswer(await host.CurrentQuestionAsync(me)));
        }

        var contributor = host.Services.GetServices<IProgressContributor>().OfType<InterviewProgressContributor>().Single();
        var text = await contributor.DescribeAsync(me, CancellationToken.None);

        Assert.Contains("1 finished", text, StringComparison.Ordinal);
        Assert.Contains("junior databases", text, StringComparison.Ordinal);
        Assert.Contains("/5 coverage", text, StringComparison.Ordinal);
        Assert.Contains("level estimate", text, StringComparison.Ordinal);
    }
}
