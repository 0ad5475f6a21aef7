using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoachBot.Storage.Feedback;

public static class FeedbackStorageServiceCollectionExtensions
{
    /// <summary>The answer and vote store. Needs the storage context factory (AddCoachStorage()).</summary>
    public static IServiceCollection AddFeedbackStores(this IServiceCollection services)
    {
        services.TryAddSingleton<IAnswerFeedbackStore, AnswerFeedbackStore>();
        return services;
    }
}
