using CoachBot.Coaching.Roadmap;

namespace CoachBot.Coaching.Tests.Roadmap;

/// <summary>The roadmap feature as the host wires it (knowledge, AI, SQLite storage, quiz), with quiz answers seeded directly.</summary>
public sealed class RoadmapHost : IAsyncDisposable
{
    private readonly FeatureTestHost _host;

    private RoadmapHost(FeatureTestHost host) => _host = host;

    public GuideCatalog Catalog => _host.Get<GuideCatalog>();

    public RoadmapStages Stages => _host.Get<RoadmapStages>();

    public static async Task<RoadmapHost> StartAsync(Action<FeatureTestHostBuilder>? seams = null, bool systemClock = false)
    {
        var builder = FeatureTestHost.Create()
            .WithRepositoryContent()
            .AddFeatures(services =>
            {
                services.AddKnowledge();
                services.AddCoachAi();
            })
            .WithSqliteStorage()
            .AddFeatures(services =>
            {
                services.AddQuizFeature();
                services.AddRoadmapFeature();
            });
        if (systemClock)
        {
            builder.WithSystemClock();
        }
        else
        {
            builder.WithClock(new FakeTimeProvider(FeatureTestHost.DefaultStart));
        }

        seams?.Invoke(builder);
        return new RoadmapHost(await builder.StartAsync());
    }

    public static CommandContext Me { get; } = new()
    {
        User = new UserIdentity(ChatPlatform.Discord, "42", "Ada"),
        Conversation = new ConversationKey(ChatPlatform.Discord, "g1", "c1"),
    };

    public async Task<Reply> RoadmapAsync(string? target = null)
    {
        var options = target is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [RoadmapCommand.TargetOption] = target };
        return Assert.Single(await _host.Dispatcher.DispatchAsync(new CommandRequest(Me, RoadmapCommand.Name, null, options), CancellationToken.None));
    }

    /// <summary>Stores one finished quiz of <paramref name="skill"/> with <paramref name="right"/> of <paramref name="total"/> right.</summary>
    public Task AnsweredAsync(string skill, int right, int total) =>
        QuizAnswerSeed.AnsweredAsync(_host.Get<IDbContextFactory<CoachBotDbContext>>(), Me, skill, right, total, FeatureTestHost.DefaultStart);

    /// <summary>The quiz skills of the reply's steps, in order (from the <c>/quiz skill 5</c> commands).</summary>
    public static IReadOnlyList<string> StepSkills(Reply reply) =>
        System.Text.RegularExpressions.Regex.Matches(reply.Text, @"/quiz ([a-z-]+) 5").Select(m => m.Groups[1].Value).ToList();

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
