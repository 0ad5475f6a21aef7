using CoachBot.Coaching.Competency;
using CoachBot.Coaching.Quiz;
using CoachBot.Coaching.Quiz.Bank;
using CoachBot.Core.Dispatch;
using CoachBot.Knowledge;
using CoachBot.Knowledge.Guides;
using CoachBot.Storage.Quiz;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CoachBot.Coaching.Roadmap;

public static class RoadmapServiceCollectionExtensions
{
    /// <summary>
    /// <c>/roadmap</c>: the stages file (<c>knowledge/roadmap/stages.yaml</c>, checked against the guides when first
    /// used), the planner and the LLM phraser. Reads the member's <see cref="ICompetencyMap"/>. Needs AddCoachCore(), AddKnowledge(), AddCoachAi() and AddCoachStorage().
    /// </summary>
    public static IServiceCollection AddRoadmapFeature(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddQuizBank();
        services.AddQuizStores();
        services.AddCompetencyMap();
        services.TryAddSingleton(provider =>
        {
            var knowledge = provider.GetRequiredService<IOptions<KnowledgeOptions>>().Value;
            var folder = KnowledgeDirectory.ResolveBank(null, "Knowledge:Path", knowledge.Path, RoadmapStagesLoader.FolderName);
            return RoadmapStagesLoader.Load(
                Path.Combine(folder, RoadmapStagesLoader.FileName),
                provider.GetRequiredService<GuideCatalog>(),
                provider.GetRequiredService<QuizBank>().SkillIds);
        });
        services.TryAddSingleton<RoadmapPlanner>();
        services.TryAddSingleton<LlmRoadmapPhraser>();
        services.TryAddSingleton<RoadmapService>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICommandHandler, RoadmapCommand>());
        return services;
    }
}
