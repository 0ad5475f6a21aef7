using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoachBot.Storage.Challenges;

public static class ChallengeStorageServiceCollectionExtensions
{
    /// <summary>The challenge stores and the moderator audit log. Needs the storage context factory (the storage AddX()).</summary>
    public static IServiceCollection AddChallengeStores(this IServiceCollection services)
    {
        services.TryAddSingleton<IChallengeStore, ChallengeStore>();
        services.TryAddSingleton<IChallengeScheduleStore, ChallengeScheduleStore>();
        services.TryAddSingleton<IModeratorAuditLog, ModeratorAuditLog>();
        return services;
    }
}
