using System.Globalization;
using BenchmarkDotNet.Attributes;
using CoachBot.Coaching.Progress;
using CoachBot.Coaching.Quiz;
using CoachBot.Core;
using CoachBot.Core.Commands;
using CoachBot.Core.Conversations;
using CoachBot.Core.Dispatch;
using CoachBot.Knowledge;
using CoachBot.Storage;
using CoachBot.Storage.Quiz;
using CoachBot.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Benchmarks.Quiz;

/// <summary>
/// Quiz answer-click handling on SQLite through the real dispatcher: a <see cref="ButtonRequest"/> for
/// <c>quiz:answer…</c> goes through CoachDispatcher (input checks, rate limit) to the real quiz button handler and
/// QuizService, which commits the answer to a SQLite file (WAL) before building the next question or the summary.
/// Each iteration starts 50 fresh eight-question quizzes (not measured) and the benchmark clicks all 400 answers, one
/// click per operation, so the reported mean is per recorded click and clicks/s = 1 s / mean. Target: over 500
/// recorded clicks a second. The database file is migrated once, in the global set-up.
/// </summary>
[Config(typeof(QuizJobConfig))]
public class QuizClickBenchmarks
{
    public const int Players = 50;
    public const int QuestionsPerQuiz = 8;
    public const int ClicksPerIteration = Players * QuestionsPerQuiz;

    private readonly List<(CommandContext Player, string SessionId)> _quizzes = [];
    private ServiceProvider _services = null!;
    private CoachDispatcher _dispatcher = null!;
    private IQuizStore _store = null!;
    private string _directory = null!;
    private int _round;

    /// <summary>Storage:SqliteSynchronous: Full (the default, every commit synced) or Normal (the earlier default).</summary>
    [Params(SqliteSynchronous.Full, SqliteSynchronous.Normal)]
    public SqliteSynchronous Synchronous { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "coachbot-quiz-bench-" + Guid.NewGuid().ToString("N"));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = _directory,
            ["Storage:SqliteSynchronous"] = Synchronous.ToString(),
            ["RateLimits:PerUserPerMinute"] = "100000",
            ["RateLimits:PerCommunityPerMinute"] = "1000000",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddCoachCore();
        services.AddKnowledge();
        services.AddCoachStorage();
        services.AddQuizFeature();
        services.AddProgressFeature();
        _services = services.BuildServiceProvider();
        _services.GetRequiredService<IStorageInitializer>().InitializeAsync(CancellationToken.None).GetAwaiter().GetResult();
        _dispatcher = _services.GetRequiredService<CoachDispatcher>();
        _store = _services.GetRequiredService<IQuizStore>();
    }

    [IterationSetup]
    public void StartQuizzes()
    {
        _quizzes.Clear();
        _round++;
        for (var i = 0; i < Players; i++)
        {
            var player = Player(string.Create(CultureInfo.InvariantCulture, $"p{_round}-{i}"));
            var request = new CommandRequest(player, "quiz", null, new Dictionary<string, string>
            {
                ["skill"] = "databases",
                ["questions"] = QuestionsPerQuiz.ToString(CultureInfo.InvariantCulture),
            });
            var reply = _dispatcher.DispatchAsync(request, CancellationToken.None).GetAwaiter().GetResult().Single();
            if (reply.Buttons.Count == 0 || !ButtonId.TryParse(reply.Buttons[0].Id, out var button))
            {
                throw new InvalidOperationException("/quiz did not start a quiz: " + reply.Text);
            }

            _quizzes.Add((player, button.Parts[0]));
        }
    }

    [IterationCleanup]
    public void CheckEveryClickWasRecorded()
    {
        foreach (var (_, sessionId) in _quizzes)
        {
            var answers = _store.AnswersAsync(sessionId, CancellationToken.None).GetAwaiter().GetResult();
            if (answers.Count != QuestionsPerQuiz)
            {
                throw new InvalidOperationException($"Quiz {sessionId} recorded {answers.Count} answers, expected {QuestionsPerQuiz}.");
            }
        }
    }

    /// <summary>One player at a time, each click awaited before the next (latency-bound).</summary>
    [Benchmark(OperationsPerInvoke = ClicksPerIteration, Description = "answer click, sequential (per click)")]
    public async Task ClickSequentially()
    {
        for (var question = 0; question < QuestionsPerQuiz; question++)
        {
            foreach (var (player, sessionId) in _quizzes)
            {
                await ClickAsync(player, sessionId, question);
            }
        }
    }

    /// <summary>All 50 players clicking at once, each through their own quiz in order (throughput under contention).</summary>
    [Benchmark(OperationsPerInvoke = ClicksPerIteration, Description = "answer click, 50 players at once (per click)")]
    public Task ClickConcurrently() =>
        Task.WhenAll(_quizzes.Select(async quiz =>
        {
            for (var question = 0; question < QuestionsPerQuiz; question++)
            {
                await ClickAsync(quiz.Player, quiz.SessionId, question);
            }
        }));

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task ClickAsync(CommandContext player, string sessionId, int question)
    {
        var replies = await _dispatcher.DispatchAsync(new ButtonRequest(player, QuizButtons.Answer(sessionId, question, question % 4)), CancellationToken.None);
        if (replies.Count == 0)
        {
            throw new InvalidOperationException("A quiz click produced no reply.");
        }
    }

    private static CommandContext Player(string id) => new()
    {
        User = new UserIdentity(ChatPlatform.Discord, id, "Player " + id),
        Conversation = new ConversationKey(ChatPlatform.Discord, "bench-guild", "bench-channel"),
    };
}
