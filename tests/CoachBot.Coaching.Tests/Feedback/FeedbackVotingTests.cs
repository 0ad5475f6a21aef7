using CoachBot.Coaching.Feedback;
using CoachBot.Storage.Feedback;

namespace CoachBot.Coaching.Tests.Feedback;

public sealed class FeedbackVotingTests
{
    [Fact]
    public async Task Answer_CarriesFeedback_AndIsStoredWithQuestionSourcesScoresAndOffline()
    {
        await using var host = await FeedbackHost.StartAsync();

        var reply = Assert.Single(await host.AskAsync(FeedbackHost.Member()));

        var feedback = Assert.IsType<ReplyFeedback>(reply.Feedback);
        var stored = await host.Store.FindAnswerAsync(feedback.AnswerId, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal(FeedbackHost.Question, stored.Question);
        Assert.Equal(string.Join('\n', reply.Sources.Distinct().Select(s => s.Display)), stored.Sources);
        Assert.NotEmpty(stored.Scores);
        Assert.True(stored.Offline);
        Assert.Equal("discord:guild-1", stored.CommunityKey);
        Assert.Equal(host.Time.GetUtcNow(), stored.AnsweredAt);
    }

    [Fact]
    public async Task Decline_CarriesNoFeedback_ButIsLoggedAsDeclinedWithTheClosestSections()
    {
        await using var host = await FeedbackHost.StartAsync();

        var reply = Assert.Single(await host.AskAsync(FeedbackHost.Member(), "what is the best pizza topping in naples?"));

        Assert.Null(reply.Feedback);
        var logged = await host.Store.LatestAnswerAsync(FeedbackHost.Member().User.Key, "discord:guild-1/channel-1", CancellationToken.None);
        Assert.NotNull(logged);
        Assert.Equal(QuestionDecision.Declined, logged.Decision);
        Assert.Equal("what is the best pizza topping in naples?", logged.Question);
    }

    [Fact]
    public async Task Answer_IsLoggedAsAnswered()
    {
        await using var host = await FeedbackHost.StartAsync();

        var feedback = await host.AnswerAsync(FeedbackHost.Member());

        Assert.Equal(QuestionDecision.Answered, (await host.Store.FindAnswerAsync(feedback.AnswerId, CancellationToken.None))?.Decision);
    }

    [Fact]
    public async Task Click_IsThankedPrivately_AndASecondClickChangesTheVoteInsteadOfAddingOne()
    {
        await using var host = await FeedbackHost.StartAsync();
        var feedback = await host.AnswerAsync(FeedbackHost.Member());
        var voter = FeedbackHost.Member("7");

        var up = Assert.Single(await host.ClickAsync(voter, feedback.UpButtonId));
        var again = Assert.Single(await host.ClickAsync(voter, feedback.UpButtonId));
        var down = await host.ClickAsync(voter, feedback.DownButtonId);

        Assert.Equal(ReplyVisibility.Ephemeral, up.Visibility);
        Assert.Contains("Thanks", up.Text, StringComparison.Ordinal);
        Assert.Contains("already", again.Text, StringComparison.Ordinal);
        Assert.All(down, r => Assert.Equal(ReplyVisibility.Ephemeral, r.Visibility));
        Assert.Contains("Changed to 👎", down[0].Text, StringComparison.Ordinal);
        Assert.Equal(new FeedbackTotals(0, 1), await host.Store.TotalsAsync("discord:guild-1", DateTimeOffset.UnixEpoch, CancellationToken.None));
    }

    [Fact]
    public async Task DownClick_OffersTheWhatWasWrongForm_AndItsNoteIsStoredPrivately()
    {
        await using var host = await FeedbackHost.StartAsync();
        var feedback = await host.AnswerAsync(FeedbackHost.Member());
        var voter = FeedbackHost.Member("7");

        var replies = await host.ClickAsync(voter, feedback.DownButtonId);
        var form = Assert.IsType<FormRequest>(replies[^1].Form);
        var field = Assert.Single(form.Fields);
        Assert.False(field.Required);
        Assert.Equal(AnswerVote.CommentLength, field.MaxLength);

        var saved = Assert.Single(await host.SubmitAsync(voter, form.Id, "It never said which one to pick."));

        Assert.Equal(ReplyVisibility.Ephemeral, saved.Visibility);
        Assert.DoesNotContain("which one to pick", saved.Text, StringComparison.Ordinal);
        Assert.Equal("It never said which one to pick.", (await host.Store.FindVoteAsync(feedback.AnswerId, voter.User.Key, CancellationToken.None))!.Comment);
    }

    [Fact]
    public async Task WhatWasWrongForm_FromSomeoneWithoutADownVote_SavesNothing()
    {
        await using var host = await FeedbackHost.StartAsync();
        var feedback = await host.AnswerAsync(FeedbackHost.Member());
        var form = Assert.IsType<FormRequest>((await host.ClickAsync(FeedbackHost.Member("7"), feedback.DownButtonId))[^1].Form);

        var reply = Assert.Single(await host.SubmitAsync(FeedbackHost.Member("8"), form.Id, "not mine to say"));

        Assert.Equal(FeedbackReplies.CommentNotSaved, reply.Text);
        Assert.Null(await host.Store.FindVoteAsync(feedback.AnswerId, "discord:8", CancellationToken.None));
        Assert.Null((await host.Store.FindVoteAsync(feedback.AnswerId, "discord:7", CancellationToken.None))!.Comment);
    }

    [Theory]
    [InlineData("fb:up:0123456789abcdef")]
    [InlineData("fb:up:NOT-AN-ANSWER")]
    [InlineData("fb:delete:0123456789abcdef")]
    [InlineData("fb:up")]
    [InlineData("fb:up:0123456789abcdef:extra")]
    public async Task ForgedButtonIds_AreRefusedCleanly_AndCountNothing(string forged)
    {
        await using var host = await FeedbackHost.StartAsync();
        await host.AnswerAsync(FeedbackHost.Member());

        var reply = Assert.Single(await host.ClickAsync(FeedbackHost.Member("7"), forged));

        Assert.Equal(ReplyVisibility.Ephemeral, reply.Visibility);
        Assert.Equal(FeedbackReplies.Unknown, reply.Text);
        Assert.Equal(0, (await host.Store.TotalsAsync(null, DateTimeOffset.UnixEpoch, CancellationToken.None)).Total);
    }

    [Fact]
    public async Task AnotherCommunitysAnswer_IsRefused()
    {
        await using var host = await FeedbackHost.StartAsync();
        var feedback = await host.AnswerAsync(FeedbackHost.Member());

        var reply = Assert.Single(await host.ClickAsync(FeedbackHost.Member("7", community: "guild-2"), feedback.UpButtonId));

        Assert.Equal(FeedbackReplies.Unknown, reply.Text);
        Assert.Equal(0, (await host.Store.TotalsAsync(null, DateTimeOffset.UnixEpoch, CancellationToken.None)).Total);
    }

    [Fact]
    public async Task AnswerOlderThanTheVoteWindow_IsRefusedPolitely()
    {
        await using var host = await FeedbackHost.StartAsync(new Dictionary<string, string?> { ["Feedback:VoteWindowDays"] = "7" });
        var feedback = await host.AnswerAsync(FeedbackHost.Member());

        host.Time.Advance(TimeSpan.FromDays(8));
        var reply = Assert.Single(await host.ClickAsync(FeedbackHost.Member("7"), feedback.UpButtonId));

        Assert.Equal(ReplyVisibility.Ephemeral, reply.Visibility);
        Assert.Contains("more than 7 days old", reply.Text, StringComparison.Ordinal);
        Assert.Equal(0, (await host.Store.TotalsAsync(null, DateTimeOffset.UnixEpoch, CancellationToken.None)).Total);
    }

    [Fact]
    public async Task FeedbackCommand_RatesTheNewestAnswerHere_WithAnOptionalNote()
    {
        await using var host = await FeedbackHost.StartAsync();
        var member = FeedbackHost.Member();
        Assert.Equal(FeedbackReplies.NoAnswerYet, Assert.Single(await host.FeedbackCommandAsync(member, FeedbackCommand.Up)).Text);
        await host.AnswerAsync(member, "how do I start learning backend?");
        host.Time.Advance(TimeSpan.FromMinutes(1));
        var latest = await host.AnswerAsync(member);

        var replies = await host.FeedbackCommandAsync(member, FeedbackCommand.Down, "too vague");

        Assert.All(replies, r => Assert.Equal(ReplyVisibility.Ephemeral, r.Visibility));
        var vote = await host.Store.FindVoteAsync(latest.AnswerId, member.User.Key, CancellationToken.None);
        Assert.Equal(FeedbackVote.Down, vote!.Vote);
        Assert.Equal("too vague", vote.Comment);
        Assert.Equal(1, (await host.Store.TotalsAsync(null, DateTimeOffset.UnixEpoch, CancellationToken.None)).Total);
    }

    [Fact]
    public async Task FeedbackCommand_DownWithoutANote_TellsHowToAddOne()
    {
        await using var host = await FeedbackHost.StartAsync();
        var member = FeedbackHost.Member();
        await host.AnswerAsync(member);

        var replies = await host.FeedbackCommandAsync(member, FeedbackCommand.Down);

        Assert.Contains("/feedback down <what was wrong>", Assert.IsType<FormRequest>(replies[^1].Form).FallbackText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Janitor_KeepsTheQuestionLogForItsRetention_ThenDeletesVotedAndUnvotedAnswers()
    {
        await using var host = await FeedbackHost.StartAsync(new Dictionary<string, string?>
        {
            ["Feedback:VoteWindowDays"] = "7",
            ["Dashboard:QuestionLogDays"] = "30",
        });
        var voted = await host.AnswerAsync(FeedbackHost.Member());
        var unvoted = await host.AnswerAsync(FeedbackHost.Member("2"));
        await host.ClickAsync(FeedbackHost.Member("7"), voted.UpButtonId);
        var janitor = host.Services.GetRequiredService<FeedbackJanitor>();

        host.Time.Advance(TimeSpan.FromDays(8));
        Assert.Equal(0, await janitor.SweepAsync(CancellationToken.None));
        Assert.NotNull(await host.Store.FindAnswerAsync(unvoted.AnswerId, CancellationToken.None));

        host.Time.Advance(TimeSpan.FromDays(23));
        // The hosted sweep may run on the clock's tick too; either way both answers are gone afterwards.
        await janitor.SweepAsync(CancellationToken.None);

        Assert.Null(await host.Store.FindAnswerAsync(unvoted.AnswerId, CancellationToken.None));
        Assert.Null(await host.Store.FindAnswerAsync(voted.AnswerId, CancellationToken.None));
    }

    [Fact]
    public async Task Janitor_NeverDeletesInsideTheVoteWindow_EvenWithAShorterQuestionLog()
    {
        await using var host = await FeedbackHost.StartAsync(new Dictionary<string, string?>
        {
            ["Feedback:VoteWindowDays"] = "14",
            ["Dashboard:QuestionLogDays"] = "3",
        });
        var answer = await host.AnswerAsync(FeedbackHost.Member());
        var janitor = host.Services.GetRequiredService<FeedbackJanitor>();

        host.Time.Advance(TimeSpan.FromDays(5));
        await janitor.SweepAsync(CancellationToken.None);

        Assert.NotNull(await host.Store.FindAnswerAsync(answer.AnswerId, CancellationToken.None));
    }
}
