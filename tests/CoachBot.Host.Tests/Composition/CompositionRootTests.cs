using System.Reflection;
using CoachBot.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CoachBot.Host.Tests.Composition;

/// <summary>
/// The real composition root (CoachHostFactory → AddCoachFeatures + AddCoachAdapters + the web server), built with
/// every adapter on but never started: each of our services is registered once, and the container validates.
/// </summary>
public sealed class CompositionRootTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "coachbot-composition-" + Guid.NewGuid().ToString("N"));

    public static TheoryData<string> SlackModes => new() { "SocketMode", "Http" };

    [Theory]
    [MemberData(nameof(SlackModes))]
    public void EveryServiceOfOurAssemblies_IsRegisteredOnce(string slackMode)
    {
        var services = Compose(slackMode);
        var plural = PluralServiceTypes();

        var singles = Ours(services)
            .Where(d => !plural.Contains(d.ServiceType))
            .GroupBy(d => d.ServiceType)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key.FullName} ×{g.Count()}");
        // A handler set (resolved as IEnumerable<T>) may have many entries, but each implementation only once.
        var repeatedMembers = Ours(services)
            .Where(d => plural.Contains(d.ServiceType))
            .GroupBy(d => (d.ServiceType, Implementation: d.ImplementationType ?? d.ImplementationInstance?.GetType()))
            .Where(g => g.Key.Implementation is not null && g.Count() > 1)
            .Select(g => $"{g.Key.ServiceType.Name} → {g.Key.Implementation!.FullName} ×{g.Count()}");

        Assert.Empty(singles.Concat(repeatedMembers));
    }

    [Theory]
    [MemberData(nameof(SlackModes))]
    public void EveryOptionsClassOfOurs_IsBoundToConfigurationOnce(string slackMode)
    {
        var services = Compose(slackMode);

        // BindConfiguration adds one change-token source per call: two mean a section is bound twice.
        var boundTwice = services
            .Where(d => d.ServiceType.IsGenericType
                && d.ServiceType.GetGenericTypeDefinition() == typeof(IOptionsChangeTokenSource<>)
                && IsOurs(d.ServiceType.GetGenericArguments()[0].Assembly))
            .GroupBy(d => d.ServiceType.GetGenericArguments()[0])
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key.FullName} ×{g.Count()}");

        Assert.Empty(boundTwice);
    }

    [Theory]
    [MemberData(nameof(SlackModes))]
    public void TheContainer_ValidatesOnBuildWithScopesChecked(string slackMode)
    {
        var services = Compose(slackMode);
        IServiceCollection copy = new ServiceCollection();
        foreach (var descriptor in services)
        {
            copy.Add(descriptor);
        }

        // Throws AggregateException naming every service whose dependencies cannot be met or whose lifetimes clash.
        using var provider = copy.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        Assert.NotNull(provider.GetRequiredService<CoachBot.Core.Dispatch.CommandCatalog>().Find("help"));
    }

    public void Dispose()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    private IServiceCollection Compose(string slackMode)
    {
        IServiceCollection? captured = null;
        using var host = CoachHostFactory.Build(
            [
                "--Knowledge:Semantic:Enabled=false",
                "--Discord:Token=composition-test-token",
                "--Slack:BotToken=xoxb-composition",
                "--Slack:AppToken=xapp-composition",
                "--Slack:SigningSecret=composition-secret",
                "--Slack:Mode=" + slackMode,
                "--Terminal:Enabled=true",
                "--Storage:DataDirectory=" + _data,
                "--Http:Urls=http://127.0.0.1:0",
            ],
            services => captured = services);
        return captured ?? throw new InvalidOperationException("The host factory did not hand out its service collection.");
    }

    private static IEnumerable<ServiceDescriptor> Ours(IServiceCollection services) =>
        services.Where(d => IsOurs(d.ServiceType.Assembly));

    private static bool IsOurs(Assembly assembly) =>
        assembly.GetName().Name is { } name && (name == "CoachBot" || name.StartsWith("CoachBot.", StringComparison.Ordinal));

    /// <summary>Interfaces of ours that some constructor of ours takes as IEnumerable&lt;T&gt;: sets, registered many times by design.</summary>
    private static HashSet<Type> PluralServiceTypes()
    {
        var assemblies = AppDomain.CurrentDomain.GetAssemblies().Where(IsOurs);
        return assemblies
            .SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance))
            .SelectMany(c => c.GetParameters())
            .Select(p => p.ParameterType)
            .Where(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            .Select(t => t.GetGenericArguments()[0])
            .Where(t => IsOurs(t.Assembly))
            .ToHashSet();
    }
}
