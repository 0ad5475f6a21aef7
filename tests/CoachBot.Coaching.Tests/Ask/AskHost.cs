using CoachBot.Coaching.Ask;
using CoachBot.Core;
using CoachBot.Core.Conversations;
using CoachBot.Core.Dispatch;
using CoachBot.Knowledge;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Coaching.Tests.Ask;

/// <summary>
/// The ask feature wired as the host wires it (AddCoachCore, AddKnowledge over the repository's knowledge/,
/// AddAskFeature) with in-memory configuration; requests go through the real dispatcher.
/// </summary>
public sealed class AskHost : IDisposable
{
    private readonly ServiceProvider _provider;

    public AskHost(IDictionary<string, string?>? settings = null)
    {
        var root = FindRoot();
        var values = new Dictionary<string, string?>
        {
            ["Knowledge:Path"] = Path.Combine(root, "knowledge"),
            ["Llm:PromptsPath"] = Path.Combine(root, "prompts"),
            ["RateLimits:PerUserPerMinute"] = "10000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        services.AddLogging();
        services.AddCoachCore();
        services.AddKnowledge();
        services.AddAskFeature();
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    public IServiceProvider Services => _provider;

    public CoachDispatcher Dispatcher => _provider.GetRequiredService<CoachDispatcher>();

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

    public void Dispose() => _provider.Dispose();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "knowledge", "guides")) && Directory.Exists(Path.Combine(dir.FullName, "prompts")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Repository root not found above " + AppContext.BaseDirectory);
    }
}
