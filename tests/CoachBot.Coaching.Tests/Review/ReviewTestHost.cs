using CoachBot.Coaching.Competency;
using CoachBot.Coaching.Quiz.Bank;
using CoachBot.Coaching.Review;
using CoachBot.Storage.Review;

namespace CoachBot.Coaching.Tests.Review;

/// <summary>The real quiz, progress and review features behind the real dispatcher, on a SQLite file, with a fake clock.</summary>
public sealed class ReviewTestHost : IAsyncDisposable
{
    private readonly FeatureTestHost _host;

    private ReviewTestHost(FeatureTestHost host) => _host = host;

    public FakeTimeProvider Time => _host.Time!;

    public CoachDispatcher Dispatcher => _host.Dispatcher;

    public IReviewItemStore Items => _host.Get<IReviewItemStore>();

    public IQuizStore Quizzes => _host.Get<IQuizStore>();

    public QuizBank Bank => _host.Get<QuizBank>();

    public ICompetencyMap Map => _host.Get<ICompetencyMap>();

    public IMissedItemRecorder Recorder => _host.Get<IMissedItemRecorder>();

    public T Get<T>()
        where T : notnull => _host.Get<T>();

    public static async Task<ReviewTestHost> StartAsync() =>
        new(await FeatureTestHost.Create()
            .WithClock(new FakeTimeProvider(FeatureTestHost.DefaultStart))
            .AddFeatures(services => services.AddKnowledge())
            .WithSqliteStorage()
            .AddFeatures(services =>
            {
                services.AddQuizFeature();
                services.AddProgressFeature();
                services.AddReviewFeature();
                services.AddInterviewStores();
            })
            .StartAsync());

    public async Task<Reply> CommandAsync(CommandContext context, string command, params (string Name, string Value)[] options) =>
        Assert.Single(await Dispatcher.DispatchAsync(new CommandRequest(context, command, null, options.ToDictionary(o => o.Name, o => o.Value)), CancellationToken.None));

    public async Task<Reply> ClickAsync(CommandContext context, string buttonId) =>
        Assert.Single(await Dispatcher.DispatchAsync(new ButtonRequest(context, buttonId), CancellationToken.None));

    /// <summary>Takes a quiz of <paramref name="questions"/> questions answering per <paramref name="right"/>; returns the question ids asked.</summary>
    public async Task<IReadOnlyList<string>> TakeQuizAsync(CommandContext context, string skill, params bool[] right)
    {
        var reply = await CommandAsync(context, "quiz", ("skill", skill), ("questions", right.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.True(ButtonId.TryParse(reply.Buttons[0].Id, out var id));
        var sessionId = id.Parts[0];
        var session = await Quizzes.FindAsync(sessionId, CancellationToken.None);
        var ids = session!.QuestionIdList();
        for (var i = 0; i < right.Length; i++)
        {
            var correct = Bank.FindQuestion(ids[i])!.ForSession(sessionId).CorrectIndex;
            await ClickAsync(context, QuizButtons.Answer(sessionId, i, right[i] ? correct : (correct + 1) % QuizQuestion.OptionCount));
        }

        return ids;
    }

    /// <summary>The option index, as shown on a review reply's buttons, that is right (or wrong) for the question it asks.</summary>
    public async Task<string> ReviewButtonAsync(Reply question, bool right)
    {
        Assert.True(ButtonId.TryParse(question.Buttons[0].Id, out var id));
        Assert.True(ReviewButtons.TryParse(id, out var click));
        var item = await Items.FindAsync(click.ItemId, CancellationToken.None);
        var labels = question.Buttons.Select(b => b.Label[3..]).ToList();
        var correctOption = Bank.FindQuestion(item!.SourceId)!.CorrectOption;
        var index = labels.IndexOf(correctOption);
        Assert.True(index >= 0);
        return question.Buttons[right ? index : (index + 1) % labels.Count].Id;
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
