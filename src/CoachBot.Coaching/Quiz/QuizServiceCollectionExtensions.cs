using CoachBot.Coaching.Quiz.Bank;
using CoachBot.Core.Dispatch;
using CoachBot.Storage.Community;
using CoachBot.Storage.Quiz;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoachBot.Coaching.Quiz;

public static class QuizServiceCollectionExtensions
{
    /// <summary>
    /// <c>/quiz</c>, its answer buttons and the idle-quiz sweeper (section "Quiz"). Needs AddCoachCore(), AddKnowledge()
    /// (the guide catalog) and AddCoachStorage() from the host.
    /// </summary>
    public static IServiceCollection AddQuizFeature(this IServiceCollection services)
    {
        services.AddOptions<QuizOptions>()
            .BindConfiguration(QuizOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IQuizStore, QuizStore>();
        services.TryAddSingleton<ICommunityMemberStore, CommunityMemberStore>();
        services.TryAddSingleton<QuizBank>();
        services.TryAddSingleton<QuizReplies>();
        services.TryAddSingleton<QuizService>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICommandHandler, QuizCommand>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IButtonHandler, QuizButtonHandler>());
        services.AddHostedService<QuizBankStartupCheck>();
        services.TryAddSingleton<QuizJanitor>();
        services.AddHostedService(provider => provider.GetRequiredService<QuizJanitor>());
        return services;
    }
}
