namespace CoachBot.Coaching.Tests.Ask;

/// <summary>
/// The ask feature on a <see cref="FeatureTestHost"/>, wired as the host wires it (AddCoachCore, AddKnowledge over the
/// repository's knowledge/, AddAskFeature); requests go through the real dispatcher.
/// </summary>
public sealed class AskHost : IAsyncDisposable
{
    private readonly FeatureTestHost _host;

    private AskHost(FeatureTestHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public CoachDispatcher Dispatcher => _host.Dispatcher;

    public static async Task<AskHost> StartAsync(IDictionary<string, string?>? settings = null) =>
        new(await FeatureTestHost.Create()
            .WithSystemClock()
            .WithRepositoryContent()
            .WithSettings(settings)
            .AddFeatures(services =>
            {
                services.AddKnowledge();
                services.AddAskFeature();
            })
            .StartAsync());

    public static CommandContext Channel(string user = "42") => new()
    {
        User = new UserIdentity(ChatPlatform.Discord, user, "Ada"),
        Conversation = new ConversationKey(ChatPlatform.Discord, "guild-1", "channel-1"),
    };

    public static CommandContext Direct(string user = "42") => new()
    {
        User = new UserIdentity(ChatPlatform.Discord, user, "Ada"),
        Conversation = new ConversationKey(ChatPlatform.Discord, "@me", "dm-" + user),
        IsDirect = true,
    };

    public static CommandContext Terminal() => new()
    {
        User = new UserIdentity(ChatPlatform.Terminal, "me", "me"),
        Conversation = ConversationKey.Terminal,
        IsDirect = true,
        IsModerator = true,
    };

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
