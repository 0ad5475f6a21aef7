using CoachBot.Coaching.Quiz.Bank;

namespace CoachBot.Coaching.Tests.Quiz;

/// <summary>
/// The real quiz and progress features behind the real dispatcher, on a SQLite file in a temp folder, with a fake
/// clock. A second host on the same folder is what a restarted bot sees.
/// </summary>
public sealed class QuizTestHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = FeatureTestHost.DefaultStart;

    private readonly FeatureTestHost _host;

    private QuizTestHost(FeatureTestHost host) => _host = host;

    public string DataDirectory => _host.DataDirectory;

    public FakeTimeProvider Time => _host.Time!;

    public CoachDispatcher Dispatcher => _host.Dispatcher;

    public IQuizStore Store => _host.Get<IQuizStore>();

    public QuizBank Bank => _host.Get<QuizBank>();

    public QuizJanitor Janitor => _host.Get<QuizJanitor>();

    /// <summary>
    /// A host on a new temp folder, or (restart) on <paramref name="dataDirectory"/> with the clock at <paramref name="now"/>;
    /// <paramref name="settings"/> add to or override the configuration.
    /// </summary>
    public static async Task<QuizTestHost> StartAsync(
        string? dataDirectory = null, DateTimeOffset? now = null, IDictionary<string, string?>? settings = null)
    {
        var builder = FeatureTestHost.Create()
            .WithClock(new FakeTimeProvider(now ?? Start))
            .WithSettings(settings)
            .AddFeatures(services => services.AddKnowledge())
            .WithSqliteStorage()
            .AddFeatures(services =>
            {
                services.AddQuizFeature();
                services.AddProgressFeature();
            });
        if (dataDirectory is not null)
        {
            builder.WithDataDirectory(dataDirectory);
        }

        return new QuizTestHost(await builder.StartAsync());
    }

    public static CommandContext User(string id, string name = "Ada", string community = "g1", string channel = "c1") => new()
    {
        User = new UserIdentity(ChatPlatform.Discord, id, name),
        Conversation = new ConversationKey(ChatPlatform.Discord, community, channel),
    };

    public async Task<Reply> CommandAsync(CommandContext context, string command, params (string Name, string Value)[] options)
    {
        var request = new CommandRequest(context, command, null, options.ToDictionary(o => o.Name, o => o.Value));
        return Assert.Single(await Dispatcher.DispatchAsync(request, CancellationToken.None));
    }

    public Task<Reply> QuizAsync(CommandContext context, string skill = "databases", int questions = 3, string? difficulty = null) =>
        difficulty is null
            ? CommandAsync(context, "quiz", ("skill", skill), ("questions", questions.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            : CommandAsync(context, "quiz", ("skill", skill), ("questions", questions.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("difficulty", difficulty));

    public async Task<Reply> ClickAsync(CommandContext context, string buttonId) =>
        Assert.Single(await Dispatcher.DispatchAsync(new ButtonRequest(context, buttonId), CancellationToken.None));

    /// <summary>The session id named by a question reply's answer buttons.</summary>
    public static string SessionOf(Reply question)
    {
        Assert.True(ButtonId.TryParse(question.Buttons[0].Id, out var id));
        return id.Parts[0];
    }

    /// <summary>The button index of the right answer to question <paramref name="index"/> of a session, as shown to the player.</summary>
    public async Task<int> CorrectOptionAsync(string sessionId, int index)
    {
        var session = await Store.FindAsync(sessionId, CancellationToken.None);
        Assert.NotNull(session);
        return Bank.FindQuestion(session.QuestionIdList()[index])!.ForSession(sessionId).CorrectIndex;
    }

    public async Task<Reply> AnswerAsync(CommandContext context, string sessionId, int index, bool right)
    {
        var correct = await CorrectOptionAsync(sessionId, index);
        var option = right ? correct : (correct + 1) % QuizQuestion.OptionCount;
        return await ClickAsync(context, QuizButtons.Answer(sessionId, index, option));
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    /// <summary>Deletes a folder kept across hosts (restart tests).</summary>
    public static void DeleteDirectory(string directory)
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
