using CoachBot.Coaching.Quiz.Bank;
using CoachBot.Core.Dispatch;
using CoachBot.Storage.Quiz;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoachBot.Coaching.Quiz;

public static class QuizServiceCollectionExtensions
{
    /// <summary>
    /// <c>/quiz</c>, its answer buttons, the idle-quiz sweeper, the quiz bank (section "Quiz") and the quiz stores. Needs
    /// AddCoachCore(), AddKnowledge() (the guide catalog) and AddCoachStorage() (the context factory) from the host.
    /// </summary>
    public static IServiceCollection AddQuizFeature(this IServiceCollection services)
    {
        services.AddQuizBank();
        services.TryAddSingleton<IQuizSkillCatalog>(provider => provider.GetRequiredService<QuizBank>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddQuizStores();
        services.TryAddSingleton<QuizReplies>();
        services.TryAddSingleton<QuizService>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICommandHandler, QuizCommand>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IButtonHandler, QuizButtonHandler>());
        services.AddHostedService<QuizBankStartupCheck>();
        services.TryAddSingleton<QuizJanitor>();
        services.AddHostedService(provider => provider.GetRequiredService<QuizJanitor>());
        return services;
    }

    /// <summary>
    /// The quiz bank and its options (section "Quiz", validated at start-up), shared by the quiz and progress features:
    /// added by whichever comes first, once.
    /// </summary>
    public static IServiceCollection AddQuizBank(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(QuizBank)))
        {
            return services;
        }

        services.AddOptions<QuizOptions>()
            .BindConfiguration(QuizOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<QuizBank>();
        return services;
    }
}
