using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoachBot.Storage.MemberData;

public static class MemberDataStorageServiceCollectionExtensions
{
    /// <summary>The member data store (export and delete). Needs the storage context factory (AddCoachStorage()).</summary>
    public static IServiceCollection AddMemberDataStores(this IServiceCollection services)
    {
        services.TryAddSingleton<IMemberDataStore, MemberDataStore>();
        return services;
    }
}
