using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace CoachBot.Core.Inbound;

public static class InboundServiceCollectionExtensions
{
    /// <summary>
    /// The inbound inbox (in memory unless storage replaces it with the database one, whichever is added first) and its
    /// periodic purge. Safe to call more than once.
    /// </summary>
    public static IServiceCollection AddInboundInbox(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IInboundInbox, InMemoryInboundInbox>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, InboundInboxPurger>());
        return services;
    }
}
