using CoachBot.Coaching.Tests.Quiz;

namespace CoachBot.Coaching.Tests.Progress;

public sealed class ProgressTests : IAsyncLifetime
{
    private QuizTestHost _host = null!;

    public async Task InitializeAsync() => _host = await QuizTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Progress_NoAnswersYet_SuggestsAQuiz()
    {
        var reply = await _host.CommandAsync(QuizTestHost.User("1"), "progress");

        Assert.Equal(ReplyVisibility.Ephemeral, reply.Visibility);
        Assert.Contains("haven't answered", reply.Text, StringComparison.Ordinal);
        Assert.Contains("/quiz", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Progress_AfterQuizzes_ShowsPerSkillAccuracyStreakAndWeakestSkillWithSectionsToRead()
    {
        var ada = QuizTestHost.User("1", "Ada");
        await PlayAsync(ada, "databases", [true, true, true]);
        _host.Time.Advance(TimeSpan.FromDays(1));
        await PlayAsync(ada, "security", [true, false, false]);

        var reply = await _host.CommandAsync(ada, "progress");

        Assert.Contains("**Quizzes completed:** 2", reply.Text, StringComparison.Ordinal);
        Assert.Contains("**Questions answered:** 6", reply.Text, StringComparison.Ordinal);
        Assert.Contains("**Accuracy:** 67%", reply.Text, StringComparison.Ordinal);
        Assert.Contains("**Streak:** 2 days", reply.Text, StringComparison.Ordinal);
        Assert.Contains("3 answered, 100% right", reply.Text, StringComparison.Ordinal);
        Assert.Contains("3 answered, 33% right", reply.Text, StringComparison.Ordinal);
        Assert.Contains("**Weakest skill:** Security", reply.Text, StringComparison.Ordinal);
        Assert.Contains("/quiz security 5", reply.Text, StringComparison.Ordinal);
        Assert.NotEmpty(reply.Sources);
    }

    [Fact]
    public async Task Leaderboard_RanksTheCommunityByCorrectAnswersWithDisplayNamesOnly()
    {
        var ada = QuizTestHost.User("1", "Ada");
        var bob = QuizTestHost.User("2", "@everyone <@1> Bob");
        var eve = QuizTestHost.User("3", "Eve", community: "other-guild");
        await PlayAsync(ada, "databases", [true, false, true]);
        await PlayAsync(bob, "databases", [true, true, true]);
        await PlayAsync(eve, "databases", [true, true, true]);

        var reply = await _host.CommandAsync(ada, "leaderboard", ("period", "all"));

        Assert.Equal(ReplyVisibility.Public, reply.Visibility);
        var lines = reply.Text.Split('\n').Where(l => l.Length > 2 && char.IsAsciiDigit(l[0])).ToList();
        Assert.Equal(2, lines.Count);
        Assert.StartsWith("1. everyone 1 Bob: 3 correct of 3 (100%), 1 quiz", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("2. Ada: 2 correct of 3 (67%), 1 quiz", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain("@", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Eve", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Leaderboard_Week_LeavesOutOlderAnswers()
    {
        var ada = QuizTestHost.User("1", "Ada");
        var bob = QuizTestHost.User("2", "Bob");
        await PlayAsync(ada, "databases", [true, true, true]);
        _host.Time.Advance(TimeSpan.FromDays(8));
        await PlayAsync(bob, "databases", [true, false, false]);

        var week = await _host.CommandAsync(bob, "leaderboard");
        var all = await _host.CommandAsync(bob, "leaderboard", ("period", "all"));

        Assert.Contains("last 7 days", week.Title, StringComparison.Ordinal);
        Assert.DoesNotContain("Ada", week.Text, StringComparison.Ordinal);
        Assert.Contains("1. Bob", week.Text, StringComparison.Ordinal);
        Assert.Contains("1. Ada", all.Text, StringComparison.Ordinal);
        Assert.Contains("2. Bob", all.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Leaderboard_Empty_InvitesToPlay()
    {
        var reply = await _host.CommandAsync(QuizTestHost.User("1"), "leaderboard");

        Assert.Contains("Nobody here", reply.Text, StringComparison.Ordinal);
    }

    private async Task PlayAsync(CoachBot.Core.Conversations.CommandContext who, string skill, bool[] answers)
    {
        var session = QuizTestHost.SessionOf(await _host.QuizAsync(who, skill, answers.Length));
        for (var i = 0; i < answers.Length; i++)
        {
            await _host.AnswerAsync(who, session, i, answers[i]);
        }
    }
}
