namespace CoachBot.Coaching.Tests.Quiz;

public sealed class QuizRestartTests
{
    [Fact]
    public async Task Restart_MidQuiz_ANewHostOnTheSameDatabaseContinuesTheQuiz()
    {
        var directory = Path.Combine(Path.GetTempPath(), "coachbot-quiz-tests", Guid.NewGuid().ToString("N"));
        var ada = QuizTestHost.User("1", "Ada");
        try
        {
            string session;
            await using (var before = await QuizTestHost.StartAsync(directory))
            {
                session = QuizTestHost.SessionOf(await before.QuizAsync(ada, "databases", 3));
                await before.AnswerAsync(ada, session, 0, right: true);
            }

            await using var after = await QuizTestHost.StartAsync(directory, QuizTestHost.Start.AddMinutes(5));

            var reply = await after.AnswerAsync(ada, session, 1, right: true);

            Assert.Equal(ReplyPlacement.UpdateSource, reply.Placement);
            Assert.Equal("Quiz · Question 3/3", reply.Title);
            var stored = await after.Store.FindAsync(session, CancellationToken.None);
            Assert.Equal((2, 2, QuizSessionStatus.Active), (stored!.CurrentIndex, stored.CorrectCount, stored.Status));
        }
        finally
        {
            QuizTestHost.DeleteDirectory(directory);
        }
    }

    [Fact]
    public async Task Restart_MidQuiz_TypingQuizAgainOffersToKeepTheSameQuiz()
    {
        var directory = Path.Combine(Path.GetTempPath(), "coachbot-quiz-tests", Guid.NewGuid().ToString("N"));
        var ada = QuizTestHost.User("1", "Ada");
        try
        {
            string session;
            await using (var before = await QuizTestHost.StartAsync(directory))
            {
                session = QuizTestHost.SessionOf(await before.QuizAsync(ada, "databases", 3));
            }

            await using var after = await QuizTestHost.StartAsync(directory, QuizTestHost.Start.AddMinutes(1));
            var prompt = await after.QuizAsync(ada, "databases", 3);

            var kept = await after.ClickAsync(ada, prompt.Buttons[1].Id);

            Assert.Equal("Quiz · Question 1/3", kept.Title);
            Assert.Equal(session, QuizTestHost.SessionOf(kept));
        }
        finally
        {
            QuizTestHost.DeleteDirectory(directory);
        }
    }
}
