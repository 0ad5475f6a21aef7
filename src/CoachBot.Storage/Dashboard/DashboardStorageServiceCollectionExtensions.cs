using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoachBot.Storage.Dashboard;

public static class DashboardStorageServiceCollectionExtensions
{
    /// <summary>The dashboard's sign-in links and secrets, and its community-limited reads. Needs the storage context factory.</summary>
    public static IServiceCollection AddDashboardStores(this IServiceCollection services)
    {
        services.TryAddSingleton<IDashboardLinkStore, DashboardLinkStore>();
        services.TryAddSingleton<DashboardQueries>();
        return services;
    }
}
