using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace CoachBot.Coaching.Tests.Challenges;

/// <summary>
/// One bot "process" for tests: the real core, storage (SQLite file shared through <see cref="ChallengeTestDatabase"/>)
/// and challenge feature, with a fake clock and recording messengers for Discord, Slack and the terminal.
/// </summary>
public sealed class ChallengeTestBot : IAsyncDisposable
{
    private static readonly Lazy<GuideCatalog> Guides = new(() => GuideCatalog.Load(KnowledgeFolder));
    private readonly FeatureTestHost _host;

    private ChallengeTestBot(FeatureTestHost host) => _host = host;

    public FakeTimeProvider Time => _host.Time!;

    public IServiceProvider Services => _host.Services;

    public RecordingChannelMessenger Discord => Messenger(ChatPlatform.Discord);

    public RecordingChannelMessenger Slack => Messenger(ChatPlatform.Slack);

    public IReadOnlyList<RecordedPost> AllPosts => Services.GetServices<IChannelMessenger>()
        .Cast<RecordingChannelMessenger>()
        .SelectMany(m => m.Posts)
        .OrderBy(p => p.At)
        .ToList();

    public ChallengeScheduleRunner Runner => Services.GetRequiredService<ChallengeScheduleRunner>();

    public IChallengeStore Store => Services.GetRequiredService<IChallengeStore>();

    public IChallengeScheduleStore Schedules => Services.GetRequiredService<IChallengeScheduleStore>();

    public IModeratorAuditLog Audit => Services.GetRequiredService<IModeratorAuditLog>();

    /// <summary>
    /// A bot on <paramref name="database"/> (its Storage:* settings); <paramref name="seams"/> overrides services the
    /// test controls (a channel directory, a store).
    /// </summary>
    public static async Task<ChallengeTestBot> StartAsync(
        IChallengeTestDatabase database,
        FakeTimeProvider time,
        IDictionary<string, string?>? settings = null,
        Action<FeatureTestHostBuilder>? seams = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        var builder = FeatureTestHost.Create()
            .WithClock(time)
            .WithSettings(database.Settings)
            .WithSettings(settings)
            .WithStorage()
            .AddFeatures(services => services.AddChallengesFeature())
            .Override(Guides.Value)
            .ConfigureServices(services =>
            {
                services.RemoveAll<IChannelMessenger>();
                foreach (var platform in Enum.GetValues<ChatPlatform>())
                {
                    services.AddSingleton<IChannelMessenger>(new RecordingChannelMessenger(platform, time));
                }
            });
        seams?.Invoke(builder);
        return new ChallengeTestBot(await builder.StartAsync());
    }

    public static CommandContext Context(ChatPlatform platform, string userId, bool isModerator, string community = "c1", string channel = "general") => new()
    {
        User = new UserIdentity(platform, userId, "Member " + userId),
        Conversation = new ConversationKey(platform, community, channel),
        IsModerator = isModerator,
        ReceivedAt = DateTimeOffset.UnixEpoch,
    };

    public RecordingChannelMessenger Messenger(ChatPlatform platform) => Services.GetServices<IChannelMessenger>()
        .Cast<RecordingChannelMessenger>()
        .Single(m => m.Platform == platform);

    /// <summary>Through the dispatcher, as an adapter would call it.</summary>
    public Task<IReadOnlyList<Reply>> DispatchAsync(CommandContext context, string subcommand, params (string Name, string Value)[] options) =>
        Services.GetRequiredService<CoachDispatcher>().DispatchAsync(Request(context, subcommand, options), CancellationToken.None);

    /// <summary>Straight to the handler, skipping the dispatcher (as if an adapter or a bug bypassed its check).</summary>
    public Task<IReadOnlyList<Reply>> HandleDirectlyAsync(CommandContext context, string subcommand, params (string Name, string Value)[] options) =>
        Services.GetServices<ICommandHandler>().OfType<ChallengeCommand>().Single().HandleAsync(Request(context, subcommand, options), CancellationToken.None);

    /// <summary>
    /// The request an adapter would build: member and channel options typed as ids (as in the terminal) also arrive
    /// decoded in <see cref="CommandRequest.MentionedIds"/>; anything else (a mass mention, junk) does not.
    /// </summary>
    private static CommandRequest Request(CommandContext context, string subcommand, (string Name, string Value)[] options)
    {
        var definitions = ChallengeCommandDefinition.Create().FindSubcommand(subcommand)?.Options ?? [];
        var mentioned = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in options)
        {
            var type = definitions.FirstOrDefault(o => o.Name == name)?.Type ?? CommandOptionType.Text;
            if (TypedMention.TryRead(value, type, out var id))
            {
                mentioned[name] = id;
            }
        }

        return new CommandRequest(context, ChallengeCommandDefinition.Name, subcommand, options.ToDictionary(o => o.Name, o => o.Value)) { MentionedIds = mentioned };
    }

    public Task<IReadOnlyList<Reply>> SubmitFormAsync(CommandContext context, string formId, string text) =>
        Services.GetRequiredService<CoachDispatcher>().DispatchAsync(
            new FormSubmitRequest(context, formId, new Dictionary<string, string> { ["text"] = text }),
            CancellationToken.None);

    public Task SetScheduleAsync(ChatPlatform platform, DayOfWeek day, int hour, int minute, string timeZone, string community = "c1", string channel = "challenges") =>
        Schedules.SaveAsync(
            new ChallengeSchedule
            {
                CommunityKey = new ConversationKey(platform, community, channel).CommunityKey,
                Platform = platform,
                CommunityId = community,
                ChannelId = channel,
                Day = day,
                Hour = hour,
                Minute = minute,
                TimeZoneId = timeZone,
                Enabled = true,
                EffectiveFrom = Time.GetUtcNow(),
                UpdatedBy = "discord:mod",
                UpdatedAt = Time.GetUtcNow(),
            },
            CancellationToken.None);

    public Task TickAsync() => Runner.RunOnceAsync(CancellationToken.None);

    /// <summary>Moves the clock to <paramref name="instant"/> and runs one scheduler tick.</summary>
    public Task TickAtAsync(DateTimeOffset instant)
    {
        Time.SetUtcNow(instant);
        return TickAsync();
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    /// <summary>The repository's knowledge folder (the bank and the guides).</summary>
    public static string KnowledgeFolder => RepositoryFolders.Knowledge;
}
