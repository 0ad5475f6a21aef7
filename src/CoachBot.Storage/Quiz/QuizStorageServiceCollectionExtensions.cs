using CoachBot.Storage.Community;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoachBot.Storage.Quiz;

public static class QuizStorageServiceCollectionExtensions
{
    /// <summary>
    /// The quiz store and the community member store it ranks against (used by the quiz and progress features, so
    /// TryAdd: whichever feature is added first registers them). Needs the storage context factory (AddCoachStorage()).
    /// </summary>
    public static IServiceCollection AddQuizStores(this IServiceCollection services)
    {
        services.TryAddSingleton<IQuizStore, QuizStore>();
        services.TryAddSingleton<ICommunityMemberStore, CommunityMemberStore>();
        return services;
    }
}
