using CoachBot.Coaching.Interview.Flow;
using CoachBot.Coaching.Quiz;
using CoachBot.Coaching.Quiz.Bank;
using CoachBot.Storage.Interview;
using CoachBot.Storage.Quiz;
using CoachBot.Storage.Review;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoachBot.Coaching.Competency;

public static class CompetencyServiceCollectionExtensions
{
    /// <summary>
    /// <see cref="ICompetencyMap"/> and what it reads (the quiz bank, the quiz, review and interview stores), each added
    /// once whichever feature asks first. Needs AddKnowledge() and AddCoachStorage().
    /// </summary>
    public static IServiceCollection AddCompetencyMap(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddQuizBank();
        services.TryAddSingleton<IQuizSkillCatalog>(provider => provider.GetRequiredService<QuizBank>());
        services.TryAddSingleton<QuizSuggester>();
        services.AddQuizStores();
        services.AddReviewStores();
        services.AddInterviewStores();
        services.TryAddSingleton<ICompetencyMap, CompetencyMap>();
        return services;
    }
}
