using CoachBot.Storage.Community;
using CoachBot.Coaching.Competency;
using CoachBot.Coaching.Quiz;
using CoachBot.Core.Dispatch;
using CoachBot.Storage.Review;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoachBot.Coaching.Review;

public static class ReviewServiceCollectionExtensions
{
    /// <summary>
    /// <c>/review</c>, its buttons, the recorder that turns quiz and interview misses into review items, the review
    /// stores and the competency map. Needs AddCoachCore(), AddKnowledge() and AddCoachStorage().
    /// </summary>
    public static IServiceCollection AddReviewFeature(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddQuizBank();
        services.AddReviewStores();
        services.AddCompetencyMap();
        services.TryAddSingleton<IMissedItemRecorder, MissedItemRecorder>();
        services.AddCommunityMembership();
        services.TryAddSingleton<ReviewService>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICommandHandler, ReviewCommand>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IButtonHandler, ReviewButtonHandler>());
        return services;
    }
}
