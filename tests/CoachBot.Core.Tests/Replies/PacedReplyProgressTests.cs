using CoachBot.Core.Replies.Streaming;
using Microsoft.Extensions.Time.Testing;

namespace CoachBot.Core.Tests.Replies;

public sealed class PacedReplyProgressTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private readonly FakeTimeProvider _clock = new();
    private readonly List<string> _shown = [];

    private PacedReplyProgress Paced(Func<string, Task>? show = null) =>
        new((text, _) =>
        {
            _shown.Add(text);
            return show?.Invoke(text) ?? Task.CompletedTask;
        }, Interval, _clock, CancellationToken.None);

    [Fact]
    public void Report_FirstText_IsShownAtOnce()
    {
        var progress = Paced();

        progress.Report(() => "Start");

        Assert.Equal(["Start"], _shown);
        Assert.True(progress.ShownAny);
    }

    [Fact]
    public void Report_ManyPiecesWithinOneInterval_ShowsOnlyTheFirstUntilTheIntervalHasPassed()
    {
        var progress = Paced();
        var rendered = 0;

        progress.Report(() => "a");
        for (var i = 0; i < 20; i++)
        {
            _clock.Advance(TimeSpan.FromMilliseconds(40));
            progress.Report(() => { rendered++; return "a b " + i; });
        }

        Assert.Equal(["a"], _shown);
        Assert.Equal(0, rendered); // the text is not even rendered between updates
        _clock.Advance(TimeSpan.FromMilliseconds(200));
        progress.Report(() => "a b c");
        Assert.Equal(["a", "a b c"], _shown);
    }

    [Fact]
    public void Report_OverTenSecondsOfSteadyTokens_ShowsAboutOneUpdatePerSecond()
    {
        var progress = Paced();
        var text = string.Empty;

        for (var i = 0; i < 300; i++)
        {
            text += " word";
            var soFar = text;
            progress.Report(() => soFar);
            _clock.Advance(TimeSpan.FromMilliseconds(1000.0 / 30));
        }

        Assert.InRange(progress.Updates, 9, 11);
    }

    [Fact]
    public async Task Report_WhileAnUpdateIsStillOnTheWire_SkipsRatherThanQueueing()
    {
        var slow = new TaskCompletionSource();
        var progress = Paced(_ => slow.Task);

        progress.Report(() => "one");
        _clock.Advance(Interval * 3);
        progress.Report(() => "one two");

        Assert.Equal(["one"], _shown);
        slow.SetResult();
        await progress.Idle;
        progress.Report(() => "one two three");
        Assert.Equal(["one", "one two three"], _shown);
    }

    [Fact]
    public async Task StopAsync_WaitsForTheUpdateInFlight_AndNoUpdateFollows()
    {
        var slow = new TaskCompletionSource();
        var progress = Paced(_ => slow.Task);
        progress.Report(() => "partial");

        var stopped = progress.StopAsync();
        Assert.False(stopped.IsCompleted);
        slow.SetResult();
        await stopped;
        _clock.Advance(Interval * 2);
        progress.Report(() => "partial and more");

        Assert.Equal(["partial"], _shown);
    }

    [Fact]
    public async Task Report_AfterAnUpdateFailed_ShowsNothingMore()
    {
        var progress = Paced(_ => Task.FromException(new InvalidOperationException("refused")));

        progress.Report(() => "first");
        await progress.StopAsync();
        _clock.Advance(Interval * 2);
        progress.Report(() => "second");

        Assert.True(progress.Failed);
        Assert.Equal(["first"], _shown);
    }

    [Fact]
    public void Report_SameOrBlankText_IsNotShownAgain()
    {
        var progress = Paced();

        progress.Report(() => "   ");
        progress.Report(() => "same");
        _clock.Advance(Interval * 2);
        progress.Report(() => "same");

        Assert.Equal(["same"], _shown);
        Assert.Equal(1, progress.Updates);
    }
}
