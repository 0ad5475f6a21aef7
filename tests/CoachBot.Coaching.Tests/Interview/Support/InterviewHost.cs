using System.Globalization;
using CoachBot.Ai;
using CoachBot.Knowledge.Semantic;

namespace CoachBot.Coaching.Tests.Interview.Support;

/// <summary>
/// The interview feature on a <see cref="FeatureTestHost"/>, wired the way the host wires it (AddCoachCore, AddKnowledge
/// with the real Lucene retriever, AddCoachAi, AddCoachStorage on a SQLite file, AddInterviewFeature), with a fake clock
/// and the process-wide <see cref="SharedTextEmbedder"/>. Requests go through the real dispatcher.
/// </summary>
public sealed class InterviewHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    private readonly FeatureTestHost _host;

    private InterviewHost(FeatureTestHost host) => _host = host;

    /// <summary>The host's clock, or null when it runs on the system clock.</summary>
    public FakeTimeProvider? Time => _host.Time;

    public IServiceProvider Services => _host.Services;

    public CoachDispatcher Dispatcher => _host.Dispatcher;

    public IInterviewStore Store => _host.Get<IInterviewStore>();

    public InterviewBank Bank => _host.Get<InterviewBank>();

    /// <summary>
    /// Starts a host on the SQLite file in <paramref name="dataDirectory"/> (copied from the migrated template if new).
    /// With <paramref name="systemClock"/> it runs on real time: the LLM client's resilience pipeline (retry pauses,
    /// timeouts) waits on the registered TimeProvider, which a fake clock would never move. <paramref name="seams"/>
    /// overrides services the test controls (a fake model, one lock stripe).
    /// </summary>
    public static async Task<InterviewHost> StartAsync(
        string dataDirectory,
        FakeTimeProvider? time = null,
        IDictionary<string, string?>? settings = null,
        bool systemClock = false,
        Action<FeatureTestHostBuilder>? seams = null)
    {
        var builder = FeatureTestHost.Create()
            .WithDataDirectory(dataDirectory)
            .WithRepositoryContent()
            .WithSettings(settings)
            .AddFeatures(services =>
            {
                services.AddKnowledge();
                services.AddCoachAi();
            })
            .WithSqliteStorage()
            .AddFeatures(services => services.AddInterviewFeature())
            // One MiniLM model per test process.
            .Override<ITextEmbedder>(SharedTextEmbedder.Instance);
        if (systemClock)
        {
            builder.WithSystemClock();
        }
        else
        {
            builder.WithClock(time ?? new FakeTimeProvider(Start));
        }

        seams?.Invoke(builder);
        return new InterviewHost(await builder.StartAsync());
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

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
