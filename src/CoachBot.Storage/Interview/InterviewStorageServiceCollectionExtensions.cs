using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoachBot.Storage.Interview;

public static class InterviewStorageServiceCollectionExtensions
{
    /// <summary>The interview store. Needs the storage context factory (AddCoachStorage()).</summary>
    public static IServiceCollection AddInterviewStores(this IServiceCollection services)
    {
        services.TryAddSingleton<IInterviewStore, InterviewStore>();
        return services;
    }
}
