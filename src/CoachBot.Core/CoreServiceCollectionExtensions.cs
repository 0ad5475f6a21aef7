using CoachBot.Core.Diagnostics;
using CoachBot.Core.Dispatch;
using CoachBot.Core.Help;
using CoachBot.Core.Inbound;
using CoachBot.Core.Limits;
using CoachBot.Core.Outbound;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoachBot.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>The dispatcher, the command catalog, /help and the outbound-message router, the inbound inbox. Features add their handlers with AddX().</summary>
    public static IServiceCollection AddCoachCore(this IServiceCollection services)
    {
        services.AddOptions<DispatchOptions>()
            .BindConfiguration(DispatchOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<RateLimitOptions>()
            .BindConfiguration(RateLimitOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddMetrics();
        services.TryAddSingleton<CoachMetrics>();
        services.TryAddSingleton<RequestRateLimiter>();
        services.TryAddSingleton<InProcessWindowCounters>();
        // In process; AddCoachStorage replaces both with the database's counters when the storage is PostgreSQL.
        services.TryAddSingleton<IWindowCounters>(provider => provider.GetRequiredService<InProcessWindowCounters>());
        services.TryAddSingleton<IRequestRateLimiter>(provider => provider.GetRequiredService<RequestRateLimiter>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<CommandCatalog>();
        // For /help, which is itself in the catalog (see HelpCommand).
        services.TryAddSingleton(provider => new Lazy<CommandCatalog>(provider.GetRequiredService<CommandCatalog>));
        services.TryAddSingleton<CoachDispatcher>();
        services.TryAddSingleton<ChannelMessengers>();
        services.TryAddSingleton<DirectMessengers>();
        services.TryAddSingleton<ChannelDirectories>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICommandHandler, HelpCommand>());
        services.AddInboundInbox();
        return services;
    }
}
