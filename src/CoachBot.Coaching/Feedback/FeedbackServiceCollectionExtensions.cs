using CoachBot.Storage.Community;
using CoachBot.Coaching.Challenges;
using CoachBot.Core.Dispatch;
using CoachBot.Storage.Challenges;
using CoachBot.Storage.Feedback;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoachBot.Coaching.Feedback;

public static class FeedbackServiceCollectionExtensions
{
    /// <summary>
    /// 👍 / 👎 on answers: the recorder the ask feature uses to store each answer and attach the buttons, the click and
    /// "what was wrong?" form handlers, <c>/feedback up|down|report</c>, the eval export and the sweeper of old unvoted
    /// answers (section "Feedback", validated at start-up). The report uses the challenges' moderator check and audit
    /// log. Needs AddCoachCore() and AddCoachStorage() (the context factory) from the host.
    /// </summary>
    public static IServiceCollection AddFeedbackFeature(this IServiceCollection services)
    {
        services.AddOptions<FeedbackOptions>()
            .BindConfiguration(FeedbackOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<QuestionLogOptions>()
            .BindConfiguration(QuestionLogOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddFeedbackStores();
        services.AddChallengeStores();
        services.TryAddSingleton<ChallengeModeration>();
        services.AddCommunityMembership();
        services.TryAddSingleton<AnswerFeedbackRecorder>();
        services.TryAddSingleton<FeedbackService>();
        services.TryAddSingleton<FeedbackReport>();
        services.TryAddSingleton<FeedbackEvalExport>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICommandHandler, FeedbackCommand>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IButtonHandler, FeedbackButtonHandler>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IFormHandler, FeedbackFormHandler>());
        services.TryAddSingleton<FeedbackJanitor>();
        services.AddHostedService(provider => provider.GetRequiredService<FeedbackJanitor>());
        return services;
    }
}
