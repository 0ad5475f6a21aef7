using CoachBot.Coaching.Quiz.Bank;
using CoachBot.Core.Dispatch;
using CoachBot.Storage.Community;
using CoachBot.Storage.Quiz;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoachBot.Coaching.Progress;

public static class ProgressServiceCollectionExtensions
{
    /// <summary>
    /// <c>/progress</c> and <c>/leaderboard</c>, computed from quiz answers. Call after AddQuizFeature() (it needs the quiz
    /// bank), AddKnowledge() and AddCoachStorage().
    /// </summary>
    public static IServiceCollection AddProgressFeature(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IQuizStore, QuizStore>();
        services.TryAddSingleton<ICommunityMemberStore, CommunityMemberStore>();
        services.TryAddSingleton<QuizBank>();
        services.TryAddSingleton<ProgressService>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICommandHandler, ProgressCommand>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICommandHandler, LeaderboardCommand>());
        return services;
    }
}
