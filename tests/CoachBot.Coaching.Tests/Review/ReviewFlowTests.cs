using CoachBot.Coaching.Review;
using CoachBot.Coaching.Tests.Quiz;
using CoachBot.Storage.Review;

namespace CoachBot.Coaching.Tests.Review;

public sealed class ReviewFlowTests : IAsyncLifetime
{
    private readonly CommandContext _ada = QuizTestHost.User("1", "Ada");
    private readonly CommandContext _bob = QuizTestHost.User("2", "Bob");
    private ReviewTestHost _host = null!;

    public async Task InitializeAsync() => _host = await ReviewTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Missed_quiz_questions_are_due_at_once_and_right_ones_are_not_review_items()
    {
        var asked = await _host.TakeQuizAsync(_ada, "databases", false, true, false, true);

        var items = await _host.Items.ItemsForUserAsync("discord:1", CancellationToken.None);
        Assert.Equal(new[] { asked[0], asked[2] }.Order(), items.Select(i => i.SourceId).Order());
        Assert.All(items, i => Assert.Equal(_host.Time.GetUtcNow(), i.DueAt));
        Assert.All(items, i => Assert.Equal(ReviewItemKind.QuizQuestion, i.Kind));
    }

    [Fact]
    public async Task Review_asks_the_missed_questions_with_rotated_options_and_reschedules_by_the_answer()
    {
        var asked = await _host.TakeQuizAsync(_ada, "databases", false, true, false);

        var first = await _host.CommandAsync(_ada, "review");
        Assert.Equal(ReplyVisibility.Ephemeral, first.Visibility);
        Assert.Equal("Review · 2 to go", first.Title);
        Assert.Equal(4, first.Buttons.Count);
        Assert.All(first.Buttons, b => Assert.StartsWith("review:q:", b.Id, StringComparison.Ordinal));

        // Right: next in 1 day; the reply moves on to the second missed question.
        var second = await _host.ClickAsync(_ada, await _host.ReviewButtonAsync(first, right: true));
        Assert.Contains("✅", second.Text, StringComparison.Ordinal);
        Assert.Contains("in 1 day", second.Text, StringComparison.Ordinal);
        Assert.Equal(ReplyPlacement.UpdateSource, second.Placement);
        Assert.Equal("Review · 1 to go", second.Title);

        // Wrong: back tomorrow as well (SM-2 restarts), and the round is over.
        var done = await _host.ClickAsync(_ada, await _host.ReviewButtonAsync(second, right: false));
        Assert.Contains("❌", done.Text, StringComparison.Ordinal);
        Assert.Contains("Round done", done.Text, StringComparison.Ordinal);
        Assert.Contains("next review is due", done.Text, StringComparison.Ordinal);
        Assert.Empty(done.Buttons);

        var items = await _host.Items.ItemsForUserAsync("discord:1", CancellationToken.None);
        Assert.All(items, i => Assert.Equal(_host.Time.GetUtcNow().AddDays(1), i.DueAt));
        Assert.Equal(new[] { 1, 0 }.Order(), items.Select(i => i.Repetitions).Order());
        Assert.Equal(2, (await _host.Items.AnswersForUserAsync("discord:1", DateTimeOffset.MinValue, CancellationToken.None)).Count);
        Assert.Equal(2, asked.Count(id => items.Any(i => i.SourceId == id)));

        // Nothing due now; a day later both are back, the right one's options in another order.
        var nothing = await _host.CommandAsync(_ada, "review");
        Assert.Contains("Nothing is due", nothing.Text, StringComparison.Ordinal);
        _host.Time.Advance(TimeSpan.FromDays(1));
        var again = await _host.CommandAsync(_ada, "review", ("count", "1"));
        Assert.Equal("Review · 1 to go", again.Title);
    }

    [Fact]
    public async Task Review_options_rotate_between_reviews_of_the_same_item()
    {
        await _host.TakeQuizAsync(_ada, "databases", false, true, true);
        var orders = new HashSet<string>(StringComparer.Ordinal);
        for (var round = 0; round < 6; round++)
        {
            var question = await _host.CommandAsync(_ada, "review", ("count", "1"));
            orders.Add(string.Join('|', question.Buttons.Select(b => b.Label[3..])));
            await _host.ClickAsync(_ada, await _host.ReviewButtonAsync(question, right: false));
            _host.Time.Advance(TimeSpan.FromDays(1));
        }

        Assert.True(orders.Count > 1, "the options were shown in the same order every time");
    }

    [Fact]
    public async Task A_repeated_click_counts_once()
    {
        await _host.TakeQuizAsync(_ada, "databases", false, true, true);
        var question = await _host.CommandAsync(_ada, "review");
        var button = await _host.ReviewButtonAsync(question, right: true);

        await _host.ClickAsync(_ada, button);
        var repeat = await _host.ClickAsync(_ada, button);

        Assert.Contains("already answered", repeat.Text, StringComparison.Ordinal);
        Assert.Single(await _host.Items.AnswersForUserAsync("discord:1", DateTimeOffset.MinValue, CancellationToken.None));
    }

    [Theory]
    [InlineData("review:q:0123456789abcdef0123456789abcdef:0:0:9")]
    [InlineData("review:q:NOT-HEX:0:0:1")]
    [InlineData("review:x:0123456789abcdef0123456789abcdef:0:0:1")]
    [InlineData("review:f:0123456789abcdef0123456789abcdef:0:0:2")]
    [InlineData("review:q:0123456789abcdef0123456789abcdef:0:99:1")]
    [InlineData("review")]
    public async Task Malformed_review_buttons_are_refused_cleanly(string forged)
    {
        var reply = await _host.ClickAsync(_ada, forged);

        Assert.Equal(ReplyVisibility.Ephemeral, reply.Visibility);
        Assert.Contains("Nothing was changed", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_elses_review_button_is_refused_and_changes_nothing()
    {
        await _host.TakeQuizAsync(_ada, "databases", false, true, true);
        var question = await _host.CommandAsync(_ada, "review");

        var reply = await _host.ClickAsync(_bob, await _host.ReviewButtonAsync(question, right: true));

        Assert.Contains("belongs to someone else", reply.Text, StringComparison.Ordinal);
        var item = Assert.Single(await _host.Items.ItemsForUserAsync("discord:1", CancellationToken.None));
        Assert.Equal(0, item.Version);
        Assert.Empty(await _host.Items.AnswersForUserAsync("discord:1", DateTimeOffset.MinValue, CancellationToken.None));
    }

    [Fact]
    public async Task Nothing_due_says_so_and_suggests_a_quiz_on_the_weakest_skill()
    {
        await _host.TakeQuizAsync(_ada, "security", true, true, true);
        await _host.TakeQuizAsync(_ada, "databases", true, false, false);
        var round = await _host.CommandAsync(_ada, "review");
        round = await _host.ClickAsync(_ada, await _host.ReviewButtonAsync(round, right: true));
        await _host.ClickAsync(_ada, await _host.ReviewButtonAsync(round, right: true));

        var reply = await _host.CommandAsync(_ada, "review");

        Assert.Contains("Nothing is due for review right now. The next review is due ", reply.Text, StringComparison.Ordinal);
        Assert.Matches(@"\*\*Relational databases and SQL\*\* \([0-9]+% over [0-9]+ answers\)", reply.Text);
        Assert.Contains("`/quiz databases`", reply.Text, StringComparison.Ordinal);
        Assert.Empty(reply.Buttons);
    }

    [Fact]
    public async Task With_no_answers_at_all_review_suggests_a_first_quiz()
    {
        var reply = await _host.CommandAsync(_ada, "review");

        Assert.Contains("Nothing is due", reply.Text, StringComparison.Ordinal);
        Assert.Contains("/quiz ", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Llm_graded_interview_misses_become_self_graded_flashcards()
    {
        var question = new CoachBot.Coaching.Interview.Bank.InterviewQuestion(
            "db-index", InterviewLevel.Junior, "databases", "When would you add an index?", [], "");
        await _host.Recorder.InterviewPointsMissedAsync(_ada, question, ["Indexes slow down writes"], ["Say what an index speeds up", "and what it costs on writes"], CancellationToken.None);

        var card = await _host.CommandAsync(_ada, "review");
        Assert.Contains("Indexes slow down writes", card.Text, StringComparison.Ordinal);
        Assert.Equal([ReviewService.KnewItLabel, ReviewService.DidNotLabel], card.Buttons.Select(b => b.Label));

        var answer = await _host.ClickAsync(_ada, card.Buttons[1].Id);
        Assert.Contains("what it costs on writes", answer.Text, StringComparison.Ordinal);
        var item = Assert.Single(await _host.Items.ItemsForUserAsync("discord:1", CancellationToken.None));
        Assert.Equal((ReviewItemKind.Flashcard, "databases"), (item.Kind, item.Skill));
        Assert.Equal(_host.Time.GetUtcNow().AddDays(1), item.DueAt);
    }

    [Fact]
    public async Task Review_count_out_of_range_is_refused()
    {
        var reply = await _host.CommandAsync(_ada, "review", ("count", "50"));

        Assert.Contains("1 to 20", reply.Text, StringComparison.Ordinal);
    }
}
