using CoachBot.Ai.Answers;
using CoachBot.Ai.Answers.Meaning;
using CoachBot.Ai.Llm;
using CoachBot.Ai.Prompts;
using CoachBot.Core.Conversations.Memory;
using CoachBot.Core.Limits;
using CoachBot.Knowledge;
using CoachBot.Knowledge.Guides;
using CoachBot.Knowledge.Semantic;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Ai;

public static class AiServiceCollectionExtensions
{
    /// <summary>
    /// The answer service and everything it composes with: LLM options (validated at start-up), the resilient HttpClient
    /// and Semantic Kernel set-up, the prompt library, the offline composer, the injection guard and the in-memory
    /// conversation memory. Needs an <c>IPassageRetriever</c> (AddKnowledge) registered too.
    /// </summary>
    public static IServiceCollection AddCoachAi(this IServiceCollection services)
    {
        // Features call this too; registering twice would stack a second resilience handler on the HttpClient.
        if (services.Any(d => d.ServiceType == typeof(AnswerService)))
        {
            return services;
        }

        services.AddOptions<LlmOptions>()
            .BindConfiguration(LlmOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LlmOptions>, LlmOptionsValidator>());
        services.AddOptions<AnswerOptions>()
            .BindConfiguration(AnswerOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AnswerOptions>, AnswerOptionsValidator>());
        // The decline threshold lives with retrieval (Knowledge:MinConfidence); bound here too so answers work without AddKnowledge's options.
        services.AddKnowledgeOptions();
        services.AddOptions<ConversationMemoryOptions>()
            .BindConfiguration(ConversationMemoryOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();
        AddLlmHttpClient(services);
        services.TryAddSingleton<LlmKernelFactory>();
        services.TryAddSingleton<PromptLibrary>();
        services.TryAddSingleton<LlmRequestLimiter>();
        services.TryAddSingleton<PromptRunner>();
        // The budget counts in process unless AddCoachStorage shares the counters in PostgreSQL.
        services.TryAddSingleton<InProcessWindowCounters>();
        services.TryAddSingleton<IWindowCounters>(provider => provider.GetRequiredService<InProcessWindowCounters>());
        services.TryAddSingleton<LlmBudget>();
        services.TryAddSingleton<IConversationMemory, InMemoryConversationMemory>();
        // Sentence vectors for choosing quotes by meaning; the model is off unless AddKnowledge registered it.
        services.TryAddSingleton(provider => new SentenceVectorCache(provider.GetService<SemanticModel>() ?? SemanticModel.Off));
        services.TryAddSingleton(provider => new ModelOutputCleaner(
            provider.GetRequiredService<IOptions<AnswerOptions>>(), provider.GetService<GuideCatalog>));
        services.TryAddSingleton<AnswerService>();
        services.AddHostedService<LlmStartupReport>();
        return services;
    }

    /// <summary>
    /// One model call gets <c>Llm:TimeoutSeconds</c> in total: an attempt (body included) may use two thirds of it, a
    /// transient failure (5xx, 408, 429, network, attempt timeout, cut-off body) is retried after a short jittered pause,
    /// and a circuit breaker stops calling a model that keeps failing so people get the offline answer at once. The
    /// numbers are <c>Llm:Resilience</c> options; see <see cref="LlmResiliencePipeline"/>. The strategies wait on the
    /// registered <see cref="TimeProvider"/>.
    /// </summary>
    private static void AddLlmHttpClient(IServiceCollection services)
    {
        services.AddOptions<LlmResilienceOptions>()
            .BindConfiguration(LlmResilienceOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LlmResilienceOptions>, LlmResilienceOptionsValidator>());
        var llmClient = services.AddHttpClient(LlmKernelFactory.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            // A redirect from the model endpoint is a failed call (offline answer), never a request (with the API key) elsewhere.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        llmClient.AddResilienceHandler("llm", static (pipeline, context) =>
        {
            var provider = context.ServiceProvider;
            pipeline.TimeProvider = provider.GetRequiredService<TimeProvider>();
            LlmResiliencePipeline.Configure(
                pipeline,
                provider.GetRequiredService<IOptions<LlmOptions>>().Value,
                provider.GetRequiredService<IOptions<LlmResilienceOptions>>().Value,
                provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(LlmResiliencePipeline).FullName!));
        });

        // Added after the resilience handler, so it runs inside each attempt.
        llmClient.AddHttpMessageHandler(() => new LlmResponseBufferingHandler());
    }
}
