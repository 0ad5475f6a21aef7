using CoachBot.Storage.Feedback;
using CoachBot.Storage.Tests.Support;

namespace CoachBot.Storage.Tests.Feedback;

public abstract class AnswerFeedbackStoreContract : StoreContract
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    private AnswerFeedbackStore Store => new(Database.Contexts);

    [StoreFact]
    public async Task SaveAnswerAsync_KeepsQuestionSourcesScoresAndOffline()
    {
        await Store.SaveAnswerAsync(Answer("a1"), CancellationToken.None);

        var stored = await Store.FindAnswerAsync("a1", CancellationToken.None);

        Assert.NotNull(stored);
        Assert.Equal("how do I start?", stored.Question);
        Assert.Equal("Guide › Start", stored.Sources);
        Assert.Equal("g1#start-0 4.5 0.81", stored.Scores);
        Assert.True(stored.Offline);
        Assert.Equal(0.7, stored.Confidence, 3);
        Assert.Equal(Start, stored.AnsweredAt);
        Assert.Null(await Store.FindAnswerAsync("nope", CancellationToken.None));
    }

    [StoreFact]
    public async Task VoteAsync_SecondClickByTheSameMember_ChangesTheVoteInsteadOfAddingOne()
    {
        var answer = Answer("a1");
        await Store.SaveAnswerAsync(answer, CancellationToken.None);

        Assert.Equal(VoteOutcome.Recorded, await Store.VoteAsync(answer, "discord:u1", FeedbackVote.Up, Start, CancellationToken.None));
        Assert.Equal(VoteOutcome.Unchanged, await Store.VoteAsync(answer, "discord:u1", FeedbackVote.Up, Start, CancellationToken.None));
        Assert.Equal(VoteOutcome.Changed, await Store.VoteAsync(answer, "discord:u1", FeedbackVote.Down, Start.AddMinutes(1), CancellationToken.None));

        var totals = await Store.TotalsAsync("discord:g1", Start, CancellationToken.None);
        Assert.Equal(new FeedbackTotals(0, 1), totals);
        Assert.Equal(FeedbackVote.Down, (await Store.FindVoteAsync("a1", "discord:u1", CancellationToken.None))!.Vote);
    }

    [StoreFact]
    public async Task VoteAsync_TwoMembers_EachCountOnce()
    {
        var answer = Answer("a1");
        await Store.SaveAnswerAsync(answer, CancellationToken.None);

        await Task.WhenAll(
            Store.VoteAsync(answer, "discord:u1", FeedbackVote.Down, Start, CancellationToken.None),
            Store.VoteAsync(answer, "discord:u1", FeedbackVote.Down, Start, CancellationToken.None),
            Store.VoteAsync(answer, "discord:u2", FeedbackVote.Up, Start, CancellationToken.None));

        Assert.Equal(new FeedbackTotals(1, 1), await Store.TotalsAsync(null, Start, CancellationToken.None));
    }

    [StoreFact]
    public async Task SetCommentAsync_OnlyWithADownVote_AndDroppedWhenTheVoteTurnsUp()
    {
        var answer = Answer("a1");
        await Store.SaveAnswerAsync(answer, CancellationToken.None);
        Assert.False(await Store.SetCommentAsync("a1", "discord:u1", "no vote yet", CancellationToken.None));
        await Store.VoteAsync(answer, "discord:u1", FeedbackVote.Down, Start, CancellationToken.None);

        Assert.True(await Store.SetCommentAsync("a1", "discord:u1", new string('x', AnswerVote.CommentLength + 50), CancellationToken.None));
        Assert.Equal(AnswerVote.CommentLength, (await Store.FindVoteAsync("a1", "discord:u1", CancellationToken.None))!.Comment!.Length);

        await Store.VoteAsync(answer, "discord:u1", FeedbackVote.Up, Start, CancellationToken.None);
        Assert.Null((await Store.FindVoteAsync("a1", "discord:u1", CancellationToken.None))!.Comment);
        Assert.False(await Store.SetCommentAsync("a1", "discord:u1", "after a thumbs up", CancellationToken.None));
    }

    [StoreFact]
    public async Task MostDownVotedAsync_OrdersByDownVotes_InTheCommunity_WithComments()
    {
        var one = Answer("a1");
        var two = Answer("a2", question: "which database first?");
        var elsewhere = Answer("a3", community: "discord:g2");
        foreach (var answer in new[] { one, two, elsewhere })
        {
            await Store.SaveAnswerAsync(answer, CancellationToken.None);
        }

        await Store.VoteAsync(one, "discord:u1", FeedbackVote.Down, Start, CancellationToken.None);
        await Store.VoteAsync(one, "discord:u9", FeedbackVote.Up, Start, CancellationToken.None);
        await Store.VoteAsync(two, "discord:u1", FeedbackVote.Down, Start, CancellationToken.None);
        await Store.VoteAsync(two, "discord:u2", FeedbackVote.Down, Start, CancellationToken.None);
        await Store.SetCommentAsync("a2", "discord:u2", "it missed PostgreSQL", CancellationToken.None);
        await Store.VoteAsync(elsewhere, "discord:u1", FeedbackVote.Down, Start, CancellationToken.None);

        var top = await Store.MostDownVotedAsync("discord:g1", Start, 5, CancellationToken.None);

        Assert.Equal(["a2", "a1"], top.Select(t => t.Answer.Id));
        Assert.Equal((2, 0), (top[0].Down, top[0].Up));
        Assert.Equal((1, 1), (top[1].Down, top[1].Up));
        Assert.Equal(["it missed PostgreSQL"], top[0].Comments);
        Assert.Equal(3, (await Store.MostDownVotedAsync(null, Start, 5, CancellationToken.None)).Count);
        Assert.Empty(await Store.MostDownVotedAsync("discord:g1", Start.AddDays(1), 5, CancellationToken.None));
    }

    [StoreFact]
    public async Task LatestAnswerAsync_IsTheAskersNewestInTheConversation()
    {
        await Store.SaveAnswerAsync(Answer("a1"), CancellationToken.None);
        await Store.SaveAnswerAsync(Answer("a2", at: Start.AddMinutes(5)), CancellationToken.None);
        await Store.SaveAnswerAsync(Answer("a3", at: Start.AddMinutes(9), asker: "discord:u2"), CancellationToken.None);

        Assert.Equal("a2", (await Store.LatestAnswerAsync("discord:u1", "discord:g1/c1", CancellationToken.None))?.Id);
        Assert.Null(await Store.LatestAnswerAsync("discord:u1", "discord:g1/other", CancellationToken.None));
    }

    [StoreFact]
    public async Task PurgeOlderThanAsync_DeletesOldRecordsWithTheirVotes_KeepsRecentOnes()
    {
        var voted = Answer("old-voted");
        await Store.SaveAnswerAsync(voted, CancellationToken.None);
        await Store.SaveAnswerAsync(Answer("old"), CancellationToken.None);
        await Store.SaveAnswerAsync(Answer("new", at: Start.AddDays(10)), CancellationToken.None);
        await Store.VoteAsync(voted, "discord:u1", FeedbackVote.Down, Start, CancellationToken.None);

        Assert.Equal(2, await Store.PurgeOlderThanAsync(Start.AddDays(1), CancellationToken.None));

        Assert.Null(await Store.FindAnswerAsync("old", CancellationToken.None));
        Assert.Null(await Store.FindAnswerAsync("old-voted", CancellationToken.None));
        Assert.Null(await Store.FindVoteAsync("old-voted", "discord:u1", CancellationToken.None));
        Assert.NotNull(await Store.FindAnswerAsync("new", CancellationToken.None));
    }

    [StoreFact]
    public async Task SaveAnswerAsync_KeepsTheDecision()
    {
        var declined = Answer("declined");
        declined.Decision = QuestionDecision.Declined;
        await Store.SaveAnswerAsync(declined, CancellationToken.None);

        Assert.Equal(QuestionDecision.Declined, (await Store.FindAnswerAsync("declined", CancellationToken.None))?.Decision);
    }

    private static AnswerRecord Answer(
        string id, string question = "how do I start?", string community = "discord:g1", DateTimeOffset? at = null, string asker = "discord:u1") => new()
    {
        Id = id,
        CommunityKey = community,
        ConversationKey = "discord:g1/c1",
        AskerKey = asker,
        Question = question,
        Sources = "Guide › Start",
        SourceGuides = "g1",
        Scores = "g1#start-0 4.5 0.81",
        Confidence = 0.7,
        Offline = true,
        AnsweredAt = at ?? Start,
    };
}
