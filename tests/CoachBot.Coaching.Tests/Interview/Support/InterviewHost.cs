using System.Globalization;
using CoachBot.Coaching.Interview;
using CoachBot.Coaching.Interview.Bank;
using CoachBot.Coaching.Interview.Flow;
using CoachBot.Ai;
using CoachBot.Core;
using CoachBot.Core.Commands;
using CoachBot.Core.Conversations;
using CoachBot.Core.Dispatch;
using CoachBot.Core.Replies;
using CoachBot.Knowledge;
using CoachBot.Knowledge.Semantic;
using CoachBot.Storage;
using CoachBot.Storage.Interview;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CoachBot.Coaching.Tests.Interview.Support;

/// <summary>
/// The interview feature wired the way the host wires it (AddCoachCore, AddKnowledge with the real Lucene retriever,
/// AddCoachStorage on a SQLite file, AddCoachAi, AddInterviewFeature) over in-memory configuration, with a fake clock and
/// the process-wide <see cref="SharedTextEmbedder"/>. Requests go through the real dispatcher.
/// </summary>
public sealed class InterviewHost : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private InterviewHost(ServiceProvider provider, FakeTimeProvider? time)
    {
        _provider = provider;
        Time = time;
    }

    /// <summary>The host's clock, or null when it runs on the system clock.</summary>
    public FakeTimeProvider? Time { get; }

    public IServiceProvider Services => _provider;

    public CoachDispatcher Dispatcher => _provider.GetRequiredService<CoachDispatcher>();

    public IInterviewStore Store => _provider.GetRequiredService<IInterviewStore>();

    public InterviewBank Bank => _provider.GetRequiredService<InterviewBank>();

    /// <summary>
    /// Starts a host on the SQLite file in <paramref name="dataDirectory"/> (created and migrated if new). With
    /// <paramref name="systemClock"/> it runs on real time: the LLM client's resilience pipeline (retry pauses, timeouts)
    /// waits on the registered TimeProvider, which a fake clock would never move. <paramref name="configure"/> registers
    /// stand-ins before the interview feature.
    /// </summary>
    public static async Task<InterviewHost> StartAsync(
        string dataDirectory,
        FakeTimeProvider? time = null,
        IDictionary<string, string?>? settings = null,
        bool systemClock = false,
        Action<IServiceCollection>? configure = null)
    {
        time = systemClock ? null : time ?? new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
        var values = new Dictionary<string, string?>
        {
            ["Knowledge:Path"] = InterviewRepo.Knowledge,
            ["Llm:PromptsPath"] = InterviewRepo.Prompts,
            ["Storage:DataDirectory"] = dataDirectory,
            ["Storage:SqliteFileName"] = "interview-tests.db",
            ["RateLimits:PerUserPerMinute"] = "10000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(builder => builder.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<TimeProvider>(time ?? TimeProvider.System);
        services.AddCoachCore();
        // One MiniLM model per test process: registered before AddKnowledge, whose TryAdd keeps it.
        services.AddSingleton<ITextEmbedder>(SharedTextEmbedder.Instance);
        services.AddKnowledge();
        services.AddCoachStorage();
        services.AddCoachAi();
        // Registered before the feature, whose TryAdd keeps them (a fake model, one lock stripe).
        configure?.Invoke(services);
        services.AddInterviewFeature();
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        await provider.GetRequiredService<IStorageInitializer>().InitializeAsync(CancellationToken.None);
        return new InterviewHost(provider, time);
    }

    public static CommandContext Context(string userId = "U1", string channel = "C1", string? thread = null, ChatPlatform platform = ChatPlatform.Slack) => new()
    {
        User = new UserIdentity(platform, userId, "Person " + userId),
        Conversation = new ConversationKey(platform, "T1", channel, thread),
    };

    /// <summary>Types a command line the way the terminal and Slack do (TextCommandParser), then dispatches it.</summary>
    public async Task<IReadOnlyList<Reply>> CommandAsync(CommandContext context, string line)
    {
        var parsed = TextCommandParser.ParseLine(context, Dispatcher.Catalog, line);
        Assert.True(parsed.Request is not null, "Parse failed: " + parsed.Error);
        return await Dispatcher.DispatchAsync(parsed.Request!, CancellationToken.None);
    }

    public Task<IReadOnlyList<Reply>> SayAsync(CommandContext context, string text, MessageOrigin origin = MessageOrigin.ThreadReply) =>
        Dispatcher.DispatchAsync(new MessageRequest(context, text, origin), CancellationToken.None);

    /// <summary>The caller's active interview in that channel (any thread), or null.</summary>
    public async Task<InterviewSessionRecord?> ActiveAsync(CommandContext context) =>
        (await Store.FindActiveAsync(context.User.Key, context.Conversation.Channel.ToString(), CancellationToken.None)).SingleOrDefault();

    /// <summary>The question the caller's interview is waiting on.</summary>
    public async Task<InterviewQuestion> CurrentQuestionAsync(CommandContext context)
    {
        var session = await ActiveAsync(context) ?? throw new InvalidOperationException("No active interview.");
        return Bank.Find(session.QuestionIdList()[session.CurrentIndex])!;
    }

    /// <summary>An answer that names the first usable keyword of every rubric point: a full-marks answer for the rubric check.</summary>
    public static string StrongAnswer(InterviewQuestion question) =>
        "In my experience, " + string.Join(". Also, ", question.Rubric.Select(p => p.Keywords.Count > 0 ? p.Keywords[0] + " matters because " + p.Point.ToLowerInvariant() : p.Point)) + ".";

    public static string Minutes(int minutes) => minutes.ToString(CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync() => await _provider.DisposeAsync();
}
