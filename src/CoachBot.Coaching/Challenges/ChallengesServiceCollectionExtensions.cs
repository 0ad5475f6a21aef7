using CoachBot.Storage.Community;
using CoachBot.Core.Dispatch;
using CoachBot.Storage.Challenges;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoachBot.Coaching.Challenges;

public static class ChallengesServiceCollectionExtensions
{
    /// <summary>
    /// <c>/challenge</c> with its subcommands and submission form, the stores and audit log, and the weekly scheduler
    /// (hosted service). Needs AddCoachCore() and AddCoachStorage() (the context factory) from the host; AddKnowledge()
    /// for citations in posts.
    /// </summary>
    public static IServiceCollection AddChallengesFeature(this IServiceCollection services)
    {
        services.AddOptions<ChallengesOptions>()
            .BindConfiguration(ChallengesOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddChallengeStores();
        services.TryAddSingleton<ChallengeBank>();
        services.TryAddSingleton<ChallengeCitations>();
        services.TryAddSingleton<ChallengeAnnouncements>();
        services.TryAddSingleton<ChallengeModeration>();
        services.AddCommunityMembership();
        services.TryAddSingleton<ChallengeSubmissions>();
        services.TryAddSingleton<ChallengeScheduleRunner>();

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChallengeSubcommand, PostChallengeSubcommand>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChallengeSubcommand, ScheduleChallengeSubcommand>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChallengeSubcommand, CurrentChallengeSubcommand>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChallengeSubcommand, SubmitChallengeSubcommand>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChallengeSubcommand, CloseChallengeSubcommand>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChallengeSubcommand, WinnersChallengeSubcommand>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChallengeSubcommand, LeaderboardChallengeSubcommand>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICommandHandler, ChallengeCommand>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IFormHandler, ChallengeSubmitFormHandler>());

        services.TryAddSingleton<ChallengeScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<ChallengeScheduler>());
        return services;
    }
}
