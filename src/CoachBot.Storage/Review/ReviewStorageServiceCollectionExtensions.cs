using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoachBot.Storage.Review;

public static class ReviewStorageServiceCollectionExtensions
{
    /// <summary>The review item store. Needs the storage context factory (AddCoachStorage()).</summary>
    public static IServiceCollection AddReviewStores(this IServiceCollection services)
    {
        services.TryAddSingleton<IReviewItemStore, ReviewItemStore>();
        return services;
    }
}
