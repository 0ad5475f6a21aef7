using CoachBot.Coaching.Competency;
using CoachBot.Coaching.Tests.Quiz;

namespace CoachBot.Coaching.Tests.Review;

public sealed class CompetencyMapTests : IAsyncLifetime
{
    private readonly CommandContext _ada = QuizTestHost.User("1", "Ada");
    private ReviewTestHost _host = null!;

    public async Task InitializeAsync() => _host = await ReviewTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public void Recent_answers_weigh_more_than_old_ones()
    {
        var now = FeatureTestHost.DefaultStart;
        var level = CompetencyModel.Level("databases", "Databases",
            [new("databases", 0, now.AddDays(-60)), new("databases", 1, now)], now);

        // Weights 0.25 (two half-lives old) and 1: 1 / 1.25.
        Assert.Equal(0.8, level.Level!.Value, 6);
        Assert.Equal(2, level.AnswerCount);
        Assert.Equal(now, level.LastSeen);
    }

    [Fact]
    public void A_skill_with_no_answers_is_not_tried_rather_than_zero()
    {
        var none = CompetencyModel.Level("apis", "APIs", [], FeatureTestHost.DefaultStart);
        var allWrong = CompetencyModel.Level("apis", "APIs", [new("apis", 0, FeatureTestHost.DefaultStart)], FeatureTestHost.DefaultStart);

        Assert.Null(none.Level);
        Assert.False(none.IsTried);
        Assert.Equal(0, allWrong.Level);
        Assert.True(allWrong.IsTried);
    }

    [Fact]
    public async Task The_map_combines_quiz_review_and_llm_graded_interview_answers_but_not_offline_scores()
    {
        // Quiz: 1 of 3 right on databases (two misses become review items).
        await _host.TakeQuizAsync(_ada, "databases", true, false, false);
        // Review: both misses answered right.
        var review = await _host.CommandAsync(_ada, "review");
        review = await _host.ClickAsync(_ada, await _host.ReviewButtonAsync(review, right: true));
        await _host.ClickAsync(_ada, await _host.ReviewButtonAsync(review, right: true));
        // Interview on the databases track: one LLM grade of 5 (→ 1.0) and one offline score (ignored).
        var at = _host.Time.GetUtcNow();
        Assert.True(await _host.Get<IInterviewStore>().TryCreateAsync(
            new InterviewSessionRecord
            {
                Id = Guid.NewGuid().ToString("N"),
                CommunityKey = _ada.Conversation.CommunityKey,
                ChannelKey = _ada.Conversation.Channel.ToString(),
                UserKey = _ada.User.Key,
                Level = "junior",
                Track = "databases",
                QuestionIds = "a\nb",
                QuestionCount = 2,
                CurrentIndex = 2,
                Status = InterviewSessionStatus.Completed,
                StartedAt = at,
                LastActivityAt = at,
                EndedAt = at,
                Answers =
                [
                    new InterviewAnswerRecord { QuestionIndex = 0, QuestionId = "a", Outcome = InterviewAnswerOutcome.Scored, Score = 5, FeedbackSource = "llm", AnsweredAt = at },
                    new InterviewAnswerRecord { QuestionIndex = 1, QuestionId = "b", Outcome = InterviewAnswerOutcome.Scored, Score = 1, FeedbackSource = "offline", AnsweredAt = at },
                ],
            },
            CancellationToken.None));

        var map = await _host.Map.ForMemberAsync(_ada.Conversation.CommunityKey, _ada.User.Key, CancellationToken.None);

        var databases = map.Find("databases")!;
        // 3 quiz (1 right) + 2 reviews (right) + 1 interview (1.0), all given now: 4 / 6.
        Assert.Equal(6, databases.AnswerCount);
        Assert.Equal(4 / 6.0, databases.Level!.Value, 6);
        Assert.Equal(at, databases.LastSeen);
        Assert.All(map.Skills.Where(s => s.Skill != "databases"), s => Assert.Null(s.Level));
        Assert.Equal(_host.Bank.Skills.Select(s => s.Id), map.Skills.Select(s => s.Skill));
        Assert.Equal("databases", Assert.Single(map.WeakestFirst()).Skill);
    }

    [Fact]
    public async Task Progress_shows_the_map_in_text_and_as_a_png_attachment()
    {
        await _host.TakeQuizAsync(_ada, "databases", true, false, true, true);

        var reply = await _host.CommandAsync(_ada, "progress");

        Assert.Contains("**Competency map**", reply.Text, StringComparison.Ordinal);
        Assert.Contains("75% (4 answers, last 2026-03-02)", reply.Text, StringComparison.Ordinal);
        Assert.Contains("**: not tried", reply.Text, StringComparison.Ordinal);
        var chart = Assert.Single(reply.Attachments);
        Assert.Equal(("progress.png", "image/png"), (chart.FileName, chart.ContentType));
        Assert.Contains("75%", chart.AltText, StringComparison.Ordinal);
        Assert.Contains("not tried", chart.TextFallback, StringComparison.Ordinal);
        Assert.Contains("███████████████░░░░░", chart.TextFallback, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Progress_without_any_answers_has_no_chart()
    {
        var reply = await _host.CommandAsync(_ada, "progress");

        Assert.Empty(reply.Attachments);
        Assert.Contains("haven't answered", reply.Text, StringComparison.Ordinal);
    }
}
