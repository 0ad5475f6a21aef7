using CoachBot.Coaching.Reminders;
using CoachBot.Storage.Review;

namespace CoachBot.Coaching.Tests.Reminders;

/// <summary>
/// Two bot hosts with the reminders feature on one SQLite database and one fake clock, each with its own runner
/// (instance id), sharing a recording DM stand-in. The background schedulers are off: the test ticks the runners.
/// </summary>
public sealed class ReminderHosts : IAsyncDisposable
{
    private readonly TempDirectory _data;

    private ReminderHosts(TempDirectory data, FeatureTestHost first, FeatureTestHost second, FakeTimeProvider time, RecordingDirectMessenger dms)
    {
        _data = data;
        First = first;
        Second = second;
        Time = time;
        Dms = dms;
    }

    public FeatureTestHost First { get; }

    public FeatureTestHost Second { get; }

    public FakeTimeProvider Time { get; }

    public RecordingDirectMessenger Dms { get; }

    public static CommandContext Ada { get; } = new()
    {
        User = new UserIdentity(ChatPlatform.Discord, "42", "Ada"),
        Conversation = new ConversationKey(ChatPlatform.Discord, "g1", "c1"),
    };

    public static async Task<ReminderHosts> StartAsync(DateTimeOffset start)
    {
        var data = new TempDirectory("coachbot-reminders", SqliteConnection.ClearAllPools);
        var time = new FakeTimeProvider(start);
        var dms = new RecordingDirectMessenger();
        var first = await HostAsync(data.Path, time, dms);
        var second = await HostAsync(data.Path, time, dms);
        return new ReminderHosts(data, first, second, time, dms);
    }

    public async Task<Reply> CommandAsync(string subcommand, params (string Name, string Value)[] options) =>
        Assert.Single(await First.Dispatcher.DispatchAsync(
            new CommandRequest(Ada, RemindCommand.Name, subcommand, options.ToDictionary(o => o.Name, o => o.Value)), CancellationToken.None));

    /// <summary>Both hosts tick at once, <paramref name="times"/> times.</summary>
    public async Task TickBothAsync(int times = 3)
    {
        for (var i = 0; i < times; i++)
        {
            await Task.WhenAll(
                First.Get<ReminderRunner>().RunOnceAsync(CancellationToken.None),
                Second.Get<ReminderRunner>().RunOnceAsync(CancellationToken.None));
        }
    }

    /// <summary>Ada misses <paramref name="questions"/> quiz questions: each becomes a review item due at once.</summary>
    public async Task MissAsync(int questions)
    {
        var reviews = First.Get<IReviewItemStore>();
        var now = Time.GetUtcNow();
        for (var i = 0; i < questions; i++)
        {
            await reviews.AddOrLapseAsync(
                new ReviewItem
                {
                    Id = Guid.NewGuid().ToString("N"),
                    UserKey = Ada.User.Key,
                    CommunityKey = Ada.Conversation.CommunityKey,
                    Kind = ReviewItemKind.QuizQuestion,
                    SourceId = $"databases-{i}",
                    Skill = "databases",
                    Reference = "backend-core-skills#databases",
                    Prompt = $"Question {i}",
                    Answer = "An answer",
                    DueAt = now,
                    CreatedAt = now,
                },
                CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await First.DisposeAsync();
        await Second.DisposeAsync();
        _data.Dispose();
    }

    private static Task<FeatureTestHost> HostAsync(string folder, FakeTimeProvider time, RecordingDirectMessenger dms) =>
        FeatureTestHost.Create()
            .WithDataDirectory(folder)
            .WithClock(time)
            .WithSettings(new Dictionary<string, string?> { ["Reminders:SchedulerEnabled"] = "false" })
            .WithSqliteStorage()
            .AddFeatures(services =>
            {
                services.AddRemindersFeature();
                services.AddSingleton<IDirectMessenger>(dms);
            })
            .StartAsync();
}
