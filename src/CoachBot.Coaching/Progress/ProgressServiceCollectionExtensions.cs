using CoachBot.Coaching.Competency;
using CoachBot.Coaching.Quiz;
using CoachBot.Core.Dispatch;
using CoachBot.Storage.Quiz;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoachBot.Coaching.Progress;

public static class ProgressServiceCollectionExtensions
{
    /// <summary>
    /// <c>/progress</c> and <c>/leaderboard</c>, computed from quiz answers (the quiz bank and stores, shared with the
    /// quiz feature and added here when missing). Needs AddCoachCore(), AddKnowledge() and AddCoachStorage().
    /// </summary>
    public static IServiceCollection AddProgressFeature(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddQuizBank();
        services.AddQuizStores();
        services.AddCompetencyMap();
        services.TryAddSingleton<ProgressService>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICommandHandler, ProgressCommand>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICommandHandler, LeaderboardCommand>());
        return services;
    }
}
