using CoachBot.Knowledge;
using CoachBot.Knowledge.Retrieval;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace CoachBot.Ai.Tests.Support;

/// <summary>The answer service over the real knowledge services (AddKnowledge over the repository's knowledge/).</summary>
public static class KnowledgeAiServices
{
    public static ServiceProvider Build(IDictionary<string, string?>? settings = null, ILoggerProvider? logs = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Knowledge:Path"] = RepoPaths.Knowledge,
            ["Llm:PromptsPath"] = RepoPaths.Prompts,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        services.AddLogging(builder =>
        {
            if (logs is not null)
            {
                builder.AddProvider(logs);
            }
        });
        // One MiniLM model for the whole test process (AddKnowledge only adds its own when none is registered).
        services.AddSingleton<CoachBot.Knowledge.Semantic.ITextEmbedder>(SharedEmbedder.Instance);
        services.AddKnowledge();
        services.AddCoachAi();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    /// <summary>
    /// As <see cref="Build"/>, with the passage vectors ready before the first question, as in the running bot (its
    /// hosted warm-up loads them at start): without them every search would be lexical only, which no user gets.
    /// </summary>
    public static ServiceProvider BuildHybrid()
    {
        var services = Build();
        if (services.GetRequiredService<SemanticWarmup>().EnsureReadyAsync().GetAwaiter().GetResult() is null)
        {
            services.Dispose();
            throw new InvalidOperationException("The passage vectors could not be loaded.");
        }

        return services;
    }
}
