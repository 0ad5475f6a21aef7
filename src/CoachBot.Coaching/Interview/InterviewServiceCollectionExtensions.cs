using CoachBot.Storage.Community;
using CoachBot.Coaching.Interview.Bank;
using CoachBot.Coaching.Interview.Feedback;
using CoachBot.Coaching.Interview.Flow;
using CoachBot.Coaching.Interview.Scoring;
using CoachBot.Core.Dispatch;
using CoachBot.Knowledge;
using CoachBot.Knowledge.Guides;
using CoachBot.Knowledge.Semantic;
using CoachBot.Knowledge.Synonyms;
using CoachBot.Storage.Interview;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CoachBot.Coaching.Interview;

public static class InterviewServiceCollectionExtensions
{
    /// <summary>
    /// Mock interviews: <c>/interview</c> (start/skip/end), the answer handler (message order 100), the question bank,
    /// the rubric scorer (matching by meaning too when the knowledge's sentence-embedding model is on), LLM feedback with offline fallback, and the interview store. Needs AddCoachCore,
    /// AddCoachStorage, AddCoachAi and the knowledge services (an <c>IPassageRetriever</c>) registered too. Options:
    /// section "Interview" (<see cref="InterviewOptions"/>), validated at start-up.
    /// </summary>
    public static IServiceCollection AddInterviewFeature(this IServiceCollection services)
    {
        services.AddOptions<InterviewOptions>()
            .BindConfiguration(InterviewOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<InterviewOptions>, InterviewOptionsValidator>());
        services.AddKnowledgeOptions();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<CoachBot.Coaching.Progress.IProgressContributor, InterviewProgressContributor>());
        services.TryAddSingleton(sp => InterviewBankLoader.LoadDirectory(InterviewPaths.BankDirectory(
            sp.GetRequiredService<IOptions<InterviewOptions>>().Value,
            sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value)));
        services.TryAddSingleton(sp => sp.GetService<KnowledgeBase>()?.Catalog
            ?? GuideCatalog.Load(InterviewPaths.KnowledgeDirectory(sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value)));
        services.TryAddSingleton(sp => new RubricScorer(
            Synonyms(sp),
            sp.GetRequiredService<IOptions<InterviewOptions>>().Value.MinAnswerWords,
            sp.GetService<SemanticModel>()?.Embedder is { } embedder ? new RubricVectors(embedder) : null,
            logger: sp.GetService<Microsoft.Extensions.Logging.ILogger<RubricScorer>>()));
        services.TryAddSingleton<InterviewTopicSources>();
        services.TryAddSingleton<IInterviewFeedbackModel, LlmInterviewFeedbackModel>();
        services.TryAddSingleton<InterviewFeedbackService>();
        services.AddInterviewStores();
        services.TryAddSingleton<InterviewLocks>();
        services.TryAddSingleton<InterviewAnswersInProgress>();
        services.TryAddSingleton<QuizSuggester>();
        services.TryAddSingleton<InterviewSummaryBuilder>();
        services.AddCommunityMembership();
        services.TryAddSingleton<InterviewService>();
        services.TryAddSingleton<CoachBot.Coaching.Interview.Evaluation.InterviewAnswerEvaluator>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICommandHandler, InterviewCommand>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMessageHandler, InterviewAnswerHandler>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IButtonHandler, InterviewPickerButtonHandler>());
        return services;
    }

    private static SynonymSet Synonyms(IServiceProvider services) =>
        services.GetService<KnowledgeBase>()?.Synonyms
        ?? services.GetService<SynonymSet>()
        ?? SynonymSet.Load(Path.Combine(InterviewPaths.KnowledgeDirectory(services.GetRequiredService<IOptions<KnowledgeOptions>>().Value), "synonyms.txt"));
}
