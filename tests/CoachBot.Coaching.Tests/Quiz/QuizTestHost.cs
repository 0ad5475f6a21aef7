using CoachBot.Coaching.Progress;
using CoachBot.Coaching.Quiz;
using CoachBot.Coaching.Quiz.Bank;
using CoachBot.Core;
using CoachBot.Core.Commands;
using CoachBot.Core.Conversations;
using CoachBot.Core.Dispatch;
using CoachBot.Core.Replies;
using CoachBot.Knowledge;
using CoachBot.Storage;
using CoachBot.Storage.Quiz;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CoachBot.Coaching.Tests.Quiz;

/// <summary>
/// The real quiz and progress features behind the real dispatcher, on a SQLite file in a temp folder, with a fake
/// clock. A second host on the same folder is what a restarted bot sees.
/// </summary>
public sealed class QuizTestHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<Task<string>> TemplateDatabase = new(CreateTemplateAsync);

    private readonly ServiceProvider _services;
    private readonly bool _ownsDirectory;

    private QuizTestHost(ServiceProvider services, string dataDirectory, FakeTimeProvider time, bool ownsDirectory)
    {
        _services = services;
        _ownsDirectory = ownsDirectory;
        DataDirectory = dataDirectory;
        Time = time;
    }

    public string DataDirectory { get; }

    public FakeTimeProvider Time { get; }

    public CoachDispatcher Dispatcher => _services.GetRequiredService<CoachDispatcher>();

    public IQuizStore Store => _services.GetRequiredService<IQuizStore>();

    public QuizBank Bank => _services.GetRequiredService<QuizBank>();

    public QuizJanitor Janitor => _services.GetRequiredService<QuizJanitor>();

    /// <summary>
    /// A host on a new temp folder, or (restart) on <paramref name="dataDirectory"/> with the clock at <paramref name="now"/>;
    /// <paramref name="settings"/> add to or override the configuration.
    /// </summary>
    public static async Task<QuizTestHost> StartAsync(
        string? dataDirectory = null, DateTimeOffset? now = null, IDictionary<string, string?>? settings = null)
    {
        var owns = dataDirectory is null;
        var directory = dataDirectory ?? Path.Combine(Path.GetTempPath(), "coachbot-quiz-tests", Guid.NewGuid().ToString("N"));
        var file = Path.Combine(directory, StorageOptions.DefaultSqliteFileName);
        if (!File.Exists(file))
        {
            // Copying a migrated file is much cheaper than migrating every test's database.
            Directory.CreateDirectory(directory);
            File.Copy(await TemplateDatabase.Value, file);
        }

        return await StartOnAsync(directory, now ?? Start, owns, settings);
    }

    private static async Task<QuizTestHost> StartOnAsync(string directory, DateTimeOffset now, bool owns, IDictionary<string, string?>? settings = null)
    {
        var time = new FakeTimeProvider(now);
        var values = new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = directory,
            ["RateLimits:PerUserPerMinute"] = "10000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddSingleton<TimeProvider>(time);
        services.AddCoachCore();
        services.AddKnowledge();
        services.AddCoachStorage();
        services.AddQuizFeature();
        services.AddProgressFeature();
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<IStorageInitializer>().InitializeAsync(CancellationToken.None);
        return new QuizTestHost(provider, directory, time, owns);
    }

    private static async Task<string> CreateTemplateAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "coachbot-quiz-tests", "template-" + Guid.NewGuid().ToString("N"));
        await using (await StartOnAsync(directory, Start, owns: false))
        {
        }

        var file = Path.Combine(directory, StorageOptions.DefaultSqliteFileName);
        await using (var connection = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await command.ExecuteNonQueryAsync();
        }

        SqliteConnection.ClearAllPools();
        return file;
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

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (_ownsDirectory)
        {
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

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
