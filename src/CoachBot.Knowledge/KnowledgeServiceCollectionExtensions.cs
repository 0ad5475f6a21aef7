using CoachBot.Knowledge.Evaluation;
using CoachBot.Knowledge.Guides;
using CoachBot.Knowledge.Retrieval;
using CoachBot.Knowledge.Semantic;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Knowledge;

public static class KnowledgeServiceCollectionExtensions
{
    /// <summary>
    /// Registers the knowledge base (bound from the <c>Knowledge</c> section, validated at start-up), the
    /// <see cref="GuideCatalog"/>, the <see cref="IPassageRetriever"/> (<see cref="HybridPassageRetriever"/>: Lucene, plus
    /// sentence vectors once <see cref="SemanticWarmup"/> has them), the <see cref="RetrievalEvaluator"/>, the sentence
    /// model (<see cref="SemanticModel"/>, null embedder when <c>Knowledge:Semantic:Enabled</c> is false), an in-memory
    /// <see cref="IPassageVectorStore"/> unless the storage feature registers its own, and the hosted service that warms
    /// the vectors up in the background. Guides are read when first needed and the index is built on the first search,
    /// once: a command that never searches pays nothing, and editing a guide needs only a restart.
    /// </summary>
    public static IServiceCollection AddKnowledge(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddKnowledgeOptions();
        services.AddOptions<KnowledgeOptions>()
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KnowledgeOptions>, KnowledgeOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<KnowledgeOptions>>().Value;
            var directory = KnowledgeDirectory.Resolve(options.Path)
                ?? throw new InvalidOperationException($"{KnowledgeOptions.SectionName}:{nameof(KnowledgeOptions.Path)} is not set and no knowledge/guides folder was found.");
            return KnowledgeBase.Load(directory);
        });
        services.TryAddSingleton(provider => provider.GetRequiredService<KnowledgeBase>().Catalog);
        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<KnowledgeOptions>>().Value;
            var settings = options.PseudoRelevanceFeedback ? RetrievalSettings.Default with { FeedbackTerms = 5 } : RetrievalSettings.Default;
            return new LucenePassageRetriever(
                provider.GetRequiredService<KnowledgeBase>(),
                settings,
                provider.GetService<ILogger<LucenePassageRetriever>>(),
                provider.GetService<TimeProvider>());
        });
        services.TryAddSingleton<RetrievalEvaluator>();
        services.TryAddSingleton<MiniLmTextEmbedder>();
        services.TryAddSingleton<ITextEmbedder>(provider => provider.GetRequiredService<MiniLmTextEmbedder>());
        services.TryAddSingleton<SemanticModel>(provider => new SemanticModel(
            provider.GetRequiredService<IOptions<KnowledgeOptions>>(), provider.GetRequiredService<ITextEmbedder>()));
        services.TryAddSingleton<IPassageVectorStore, InMemoryPassageVectorStore>();
        services.TryAddSingleton<SemanticWarmup>();
        services.TryAddSingleton(provider => new HybridPassageRetriever(
            provider.GetRequiredService<LucenePassageRetriever>(),
            provider.GetRequiredService<SemanticWarmup>(),
            HybridSettings.Default,
            provider.GetService<ILogger<HybridPassageRetriever>>()));
        services.TryAddSingleton<IPassageRetriever>(provider => provider.GetRequiredService<HybridPassageRetriever>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, SemanticWarmupService>());
        return services;
    }

    /// <summary>
    /// The "Knowledge" section bound to <see cref="KnowledgeOptions"/>, once however many callers ask: features that only
    /// read the folder or the confidence threshold (answers, interviews) call this; AddKnowledge() adds the validation.
    /// </summary>
    public static IServiceCollection AddKnowledgeOptions(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(IOptionsChangeTokenSource<KnowledgeOptions>)))
        {
            return services;
        }

        services.AddOptions<KnowledgeOptions>().BindConfiguration(KnowledgeOptions.SectionName);
        return services;
    }
}
