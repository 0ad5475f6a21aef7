namespace CoachBot.Storage.Tests.Quiz;

public abstract class QuizStoreContract : StoreContract
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(30);

    private QuizStore Store => new(Database.Contexts);

    [StoreFact]
    public async Task StartAsync_NoActiveQuiz_StoresTheSession()
    {
        var result = await Store.StartAsync(NewSession("s1"), CancellationToken.None);

        Assert.True(result.Started);
        var found = await Store.FindAsync("s1", CancellationToken.None);
        Assert.NotNull(found);
        Assert.Equal(QuizSessionStatus.Active, found.Status);
        Assert.Equal(["q0", "q1", "q2"], found.QuestionIdList());
        Assert.Equal(Start, found.StartedAt);
    }

    [StoreFact]
    public async Task StartAsync_ActiveQuizInSameConversation_ReturnsTheExistingOne()
    {
        await Store.StartAsync(NewSession("s1"), CancellationToken.None);

        var second = await Store.StartAsync(NewSession("s2"), CancellationToken.None);

        Assert.False(second.Started);
        Assert.Equal("s1", second.Session.Id);
        Assert.Null(await Store.FindAsync("s2", CancellationToken.None));
    }

    [StoreFact]
    public async Task StartAsync_ActiveQuizInAnotherConversation_StartsAnother()
    {
        await Store.StartAsync(NewSession("s1"), CancellationToken.None);

        var other = await Store.StartAsync(NewSession("s2", conversation: "discord:g1/c2"), CancellationToken.None);

        Assert.True(other.Started);
    }

    [StoreFact]
    public async Task StartAsync_ConcurrentStartsInOneConversation_OnlyOneIsActive()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 6)
            .Select(i => Task.Run(() => Store.StartAsync(NewSession("c" + i), CancellationToken.None))));

        Assert.Single(results, r => r.Started);
        Assert.All(results, r => Assert.Equal(results.Single(x => x.Started).Session.Id, r.Session.Id));
    }

    [StoreFact]
    public async Task EndAsync_Abandon_FreesTheConversationForANewQuiz()
    {
        await Store.StartAsync(NewSession("s1"), CancellationToken.None);

        var ended = await Store.EndAsync("s1", QuizSessionStatus.Abandoned, Start.AddMinutes(1), CancellationToken.None);
        var next = await Store.StartAsync(NewSession("s2"), CancellationToken.None);

        Assert.True(ended);
        Assert.True(next.Started);
        Assert.Equal(QuizSessionStatus.Abandoned, (await Store.FindAsync("s1", CancellationToken.None))!.Status);
        Assert.False(await Store.EndAsync("s1", QuizSessionStatus.Abandoned, Start, CancellationToken.None));
    }

    [StoreFact]
    public async Task RecordAnswerAsync_CurrentQuestion_RecordsAndAdvances()
    {
        await Store.StartAsync(NewSession("s1"), CancellationToken.None);

        var result = await Store.RecordAnswerAsync(Click("s1", 0, correct: true, at: Start.AddMinutes(1)), CancellationToken.None);

        Assert.Equal(RecordAnswerOutcome.Recorded, result.Outcome);
        var session = await Store.FindAsync("s1", CancellationToken.None);
        Assert.Equal(1, session!.CurrentIndex);
        Assert.Equal(1, session.CorrectCount);
        Assert.Equal(Start.AddMinutes(1), session.LastActivityAt);
        var answer = Assert.Single(await Store.AnswersAsync("s1", CancellationToken.None));
        Assert.Equal("q0", answer.QuestionId);
        Assert.True(answer.IsCorrect);
        Assert.Equal("discord:g1", answer.CommunityKey);
    }

    [StoreFact]
    public async Task RecordAnswerAsync_SameQuestionTwice_CountsOnce()
    {
        await Store.StartAsync(NewSession("s1"), CancellationToken.None);
        await Store.RecordAnswerAsync(Click("s1", 0, correct: true), CancellationToken.None);

        var replay = await Store.RecordAnswerAsync(Click("s1", 0, correct: false, chosen: 3), CancellationToken.None);

        Assert.Equal(RecordAnswerOutcome.AlreadyAnswered, replay.Outcome);
        Assert.Equal(0, replay.Answer!.ChosenOption);
        var session = await Store.FindAsync("s1", CancellationToken.None);
        Assert.Equal(1, session!.CurrentIndex);
        Assert.Equal(1, session.CorrectCount);
        Assert.Single(await Store.AnswersAsync("s1", CancellationToken.None));
    }

    [StoreFact]
    public async Task RecordAnswerAsync_ConcurrentClicksOnOneQuestion_ExactlyOneIsRecorded()
    {
        await Store.StartAsync(NewSession("s1"), CancellationToken.None);

        var results = await Task.WhenAll(Enumerable.Range(0, 8)
            .Select(i => Task.Run(() => Store.RecordAnswerAsync(Click("s1", 0, correct: i % 2 == 0, chosen: i % 4), CancellationToken.None))));

        Assert.Single(results, r => r.Outcome == RecordAnswerOutcome.Recorded);
        Assert.All(results, r => Assert.Contains(r.Outcome, new[] { RecordAnswerOutcome.Recorded, RecordAnswerOutcome.AlreadyAnswered }));
        var session = await Store.FindAsync("s1", CancellationToken.None);
        Assert.Equal(1, session!.CurrentIndex);
        Assert.Single(await Store.AnswersAsync("s1", CancellationToken.None));
    }

    [StoreFact]
    public async Task RecordAnswerAsync_AnotherUsersSession_IsRefusedAndChangesNothing()
    {
        await Store.StartAsync(NewSession("s1"), CancellationToken.None);

        var result = await Store.RecordAnswerAsync(Click("s1", 0, correct: true) with { UserKey = "discord:intruder" }, CancellationToken.None);

        Assert.Equal(RecordAnswerOutcome.NotOwner, result.Outcome);
        Assert.Empty(await Store.AnswersAsync("s1", CancellationToken.None));
        Assert.Equal(0, (await Store.FindAsync("s1", CancellationToken.None))!.CurrentIndex);
    }

    [StoreFact]
    public async Task RecordAnswerAsync_QuestionNotAskedYet_IsRefused()
    {
        await Store.StartAsync(NewSession("s1"), CancellationToken.None);

        var result = await Store.RecordAnswerAsync(Click("s1", 2, correct: true), CancellationToken.None);

        Assert.Equal(RecordAnswerOutcome.NotCurrent, result.Outcome);
        Assert.Empty(await Store.AnswersAsync("s1", CancellationToken.None));
    }

    [StoreFact]
    public async Task RecordAnswerAsync_UnknownSession_IsNotFound()
    {
        var result = await Store.RecordAnswerAsync(Click("nope", 0, correct: true), CancellationToken.None);

        Assert.Equal(RecordAnswerOutcome.NotFound, result.Outcome);
        Assert.Null(result.Session);
    }

    [StoreFact]
    public async Task RecordAnswerAsync_AfterIdleTimeout_ExpiresTheSessionWithoutRecording()
    {
        await Store.StartAsync(NewSession("s1"), CancellationToken.None);

        var result = await Store.RecordAnswerAsync(Click("s1", 0, correct: true, at: Start + Idle), CancellationToken.None);

        Assert.Equal(RecordAnswerOutcome.Expired, result.Outcome);
        Assert.Equal(QuizSessionStatus.Expired, (await Store.FindAsync("s1", CancellationToken.None))!.Status);
        Assert.Empty(await Store.AnswersAsync("s1", CancellationToken.None));
    }

    [StoreFact]
    public async Task RecordAnswerAsync_LastQuestion_CompletesTheSession()
    {
        await Store.StartAsync(NewSession("s1"), CancellationToken.None);
        await Store.RecordAnswerAsync(Click("s1", 0, correct: true, at: Start.AddMinutes(1)), CancellationToken.None);
        await Store.RecordAnswerAsync(Click("s1", 1, correct: false, at: Start.AddMinutes(2)), CancellationToken.None);

        var last = await Store.RecordAnswerAsync(Click("s1", 2, correct: true, at: Start.AddMinutes(3)), CancellationToken.None);

        Assert.Equal(RecordAnswerOutcome.Recorded, last.Outcome);
        var session = await Store.FindAsync("s1", CancellationToken.None);
        Assert.Equal(QuizSessionStatus.Completed, session!.Status);
        Assert.Equal(2, session.CorrectCount);
        Assert.Equal(Start.AddMinutes(3), session.EndedAt);
        Assert.Equal(1, await Store.CompletedQuizCountAsync("discord:u1", CancellationToken.None));
        Assert.Null(await Store.FindActiveAsync("discord:u1", "discord:g1/c1", CancellationToken.None));
    }

    [StoreFact]
    public async Task ExpireIdleAsync_ExpiresOnlyIdleActiveSessions()
    {
        await Store.StartAsync(NewSession("old"), CancellationToken.None);
        await Store.StartAsync(NewSession("fresh", conversation: "discord:g1/c2", startedAt: Start.AddMinutes(20)), CancellationToken.None);

        var expired = await Store.ExpireIdleAsync(Start.AddMinutes(10), Start.AddMinutes(40), CancellationToken.None);

        Assert.Equal(1, expired);
        Assert.Equal(QuizSessionStatus.Expired, (await Store.FindAsync("old", CancellationToken.None))!.Status);
        Assert.Equal(QuizSessionStatus.Active, (await Store.FindAsync("fresh", CancellationToken.None))!.Status);
    }

    [StoreFact]
    public async Task SkillProgressAsync_GroupsAnswersPerSkill()
    {
        await PlayAsync("a", "discord:u1", "databases", [true, false, true], Start);
        await PlayAsync("b", "discord:u1", "security", [false, false, true], Start.AddHours(1));

        var progress = await Store.SkillProgressAsync("discord:u1", CancellationToken.None);

        Assert.Equal(["databases", "security"], progress.Select(p => p.Skill));
        Assert.Equal((3, 2), (progress[0].Answered, progress[0].Correct));
        Assert.Equal((3, 1), (progress[1].Answered, progress[1].Correct));
        Assert.Equal(Start.AddHours(1).AddMinutes(3), progress[1].LastPractisedAt);
    }

    [StoreFact]
    public async Task MissedSectionsAsync_OrdersSectionsByWrongAnswers()
    {
        await PlayAsync("a", "discord:u1", "databases", [false, false, true], Start);

        var missed = await Store.MissedSectionsAsync("discord:u1", "databases", 5, CancellationToken.None);

        Assert.Equal([new SectionMisses("guide#section-0", 1), new SectionMisses("guide#section-1", 1)], missed);
    }

    [StoreFact]
    public async Task AnswerTimesAsync_ReturnsNewestFirstSinceTheGivenTime()
    {
        await PlayAsync("a", "discord:u1", "databases", [true, true, true], Start);

        var times = await Store.AnswerTimesAsync("discord:u1", Start.AddMinutes(2), CancellationToken.None);

        Assert.Equal([Start.AddMinutes(3), Start.AddMinutes(2)], times);
    }

    [StoreFact]
    public async Task LeaderboardAsync_RanksByCorrectThenAccuracyThenTime_WithinOneCommunity()
    {
        await PlayAsync("a", "discord:ada", "databases", [true, true, false], Start);            // 2/3
        await PlayAsync("b", "discord:bob", "databases", [true, true], Start.AddHours(1));       // 2/2, better accuracy
        await PlayAsync("c", "discord:cy", "databases", [true, true, false], Start.AddHours(2));  // 2/3, later than ada
        await PlayAsync("d", "discord:dee", "databases", [true, true, true], Start, community: "discord:other");

        var board = await Store.LeaderboardAsync("discord:g1", since: null, take: 10, CancellationToken.None);

        Assert.Equal(["discord:bob", "discord:ada", "discord:cy"], board.Select(e => e.UserKey));
        Assert.Equal((2, 2, 1), (board[0].Correct, board[0].Answered, board[0].QuizzesCompleted));
    }

    [StoreFact]
    public async Task LeaderboardAsync_Since_CountsOnlyRecentAnswers()
    {
        await PlayAsync("a", "discord:ada", "databases", [true, true, true], Start.AddDays(-10));
        await PlayAsync("b", "discord:bob", "databases", [true], Start);

        var week = await Store.LeaderboardAsync("discord:g1", Start.AddDays(-7), 10, CancellationToken.None);

        var entry = Assert.Single(week);
        Assert.Equal("discord:bob", entry.UserKey);
        Assert.Equal(1, entry.QuizzesCompleted);
    }

    private async Task PlayAsync(string id, string user, string skill, bool[] answers, DateTimeOffset at, string community = "discord:g1")
    {
        var session = NewSession(id, user: user, skill: skill, startedAt: at, count: answers.Length, community: community,
            conversation: community + "/c-" + id);
        await Store.StartAsync(session, CancellationToken.None);
        for (var i = 0; i < answers.Length; i++)
        {
            var result = await Store.RecordAnswerAsync(
                Click(id, i, answers[i], at: at.AddMinutes(i + 1), user: user, skill: skill),
                CancellationToken.None);
            Assert.Equal(RecordAnswerOutcome.Recorded, result.Outcome);
        }
    }

    private static QuizSession NewSession(
        string id,
        string conversation = "discord:g1/c1",
        string user = "discord:u1",
        string skill = "databases",
        DateTimeOffset? startedAt = null,
        int count = 3,
        string community = "discord:g1") => new()
        {
            Id = id,
            CommunityKey = community,
            ConversationKey = conversation,
            UserKey = user,
            Skill = skill,
            QuestionIds = string.Join('\n', Enumerable.Range(0, count).Select(i => "q" + i)),
            QuestionCount = count,
            StartedAt = startedAt ?? Start,
            LastActivityAt = startedAt ?? Start,
        };

    private static AnswerSubmission Click(
        string sessionId, int index, bool correct, int chosen = 0, DateTimeOffset? at = null, string user = "discord:u1", string skill = "databases") =>
        new(sessionId, user, index, "q" + index, skill, "guide#section-" + index, chosen, correct, at ?? Start.AddMinutes(1), Idle);
}
