using CoachBot.Storage.Interview;
using CoachBot.Storage.Tests.Support;

namespace CoachBot.Storage.Tests.Interview;

public abstract class InterviewStoreContract : StoreContract
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    private InterviewStore Store => new(Database.Contexts);

    [StoreFact]
    public async Task TryCreateAsync_SecondActiveInterviewInTheSameChannelAndThread_IsRefused()
    {
        Assert.True(await Store.TryCreateAsync(Session("s1"), CancellationToken.None));

        Assert.False(await Store.TryCreateAsync(Session("s2"), CancellationToken.None));
        Assert.True(await Store.TryCreateAsync(Session("s3", thread: "t2"), CancellationToken.None));
        var active = await Store.FindActiveAsync("discord:u1", "discord:c1", CancellationToken.None);
        Assert.Equal(["s1", "s3"], active.Select(s => s.Id).Order(StringComparer.Ordinal));
    }

    [StoreFact]
    public async Task SaveAsync_StaleCopy_IsRefusedAndChangesNothing()
    {
        await Store.TryCreateAsync(Session("s1"), CancellationToken.None);
        var first = Assert.Single(await Store.FindActiveAsync("discord:u1", "discord:c1", CancellationToken.None));
        var stale = Assert.Single(await Store.FindActiveAsync("discord:u1", "discord:c1", CancellationToken.None));
        first.CurrentIndex = 1;
        Assert.True(await Store.SaveAsync(first, Answer(0), CancellationToken.None));

        stale.CurrentIndex = 2;
        Assert.False(await Store.SaveAsync(stale, null, CancellationToken.None));

        var stored = Assert.Single(await Store.FindActiveAsync("discord:u1", "discord:c1", CancellationToken.None));
        Assert.Equal(1, stored.CurrentIndex);
        Assert.Equal(first.Version, stored.Version);
        Assert.Equal(0, Assert.Single(stored.Answers).QuestionIndex);
    }

    [StoreFact]
    public async Task SaveAsync_SameQuestionAnsweredTwice_IsRefused()
    {
        await Store.TryCreateAsync(Session("s1"), CancellationToken.None);
        var session = Assert.Single(await Store.FindActiveAsync("discord:u1", "discord:c1", CancellationToken.None));
        Assert.True(await Store.SaveAsync(session, Answer(0), CancellationToken.None));

        Assert.False(await Store.SaveAsync(session, Answer(0), CancellationToken.None));

        Assert.Single(Assert.Single(await Store.FindActiveAsync("discord:u1", "discord:c1", CancellationToken.None)).Answers);
    }

    [StoreFact]
    public async Task FinishedForUserAsync_ReturnsOnlyFinishedOnes_NewestFirst_UpToTheLimit()
    {
        for (var i = 0; i < 3; i++)
        {
            var id = "done" + i;
            await Store.TryCreateAsync(Session(id), CancellationToken.None);
            var session = Assert.Single(await Store.FindActiveAsync("discord:u1", "discord:c1", CancellationToken.None));
            session.Status = InterviewSessionStatus.Completed;
            session.EndedAt = Start.AddHours(i);
            Assert.True(await Store.SaveAsync(session, Answer(0), CancellationToken.None));
        }

        await Store.TryCreateAsync(Session("still-active"), CancellationToken.None);

        var finished = await Store.FinishedForUserAsync("discord:u1", 2, CancellationToken.None);

        Assert.Equal(["done2", "done1"], finished.Select(s => s.Id));
        Assert.All(finished, s => Assert.Single(s.Answers));
    }

    private static InterviewSessionRecord Session(string id, string thread = "t1") => new()
    {
        Id = id,
        CommunityKey = "discord:g1",
        ChannelKey = "discord:c1",
        ThreadId = thread,
        UserKey = "discord:u1",
        Level = "junior",
        Track = "databases",
        QuestionIds = "q1\nq2\nq3",
        QuestionCount = 3,
        StartedAt = Start,
        LastActivityAt = Start,
    };

    private static InterviewAnswerRecord Answer(int index) => new()
    {
        QuestionIndex = index,
        QuestionId = "q" + (index + 1),
        Outcome = InterviewAnswerOutcome.Scored,
        Score = 3,
        FeedbackSource = "offline",
        AnsweredAt = Start,
    };
}
