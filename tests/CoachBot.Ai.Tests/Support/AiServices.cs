using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace CoachBot.Ai.Tests.Support;

/// <summary>Builds the AI services the way the host does (AddCoachAi over configuration), with a chosen retriever.</summary>
public static class AiServices
{
    public static ServiceProvider Build(IPassageRetriever retriever, IDictionary<string, string?>? settings = null, ILoggerProvider? logs = null, TimeProvider? time = null)
    {
        var values = new Dictionary<string, string?> { ["Llm:PromptsPath"] = RepoPaths.Prompts };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(builder =>
        {
            builder.SetMinimumLevel(LogLevel.Trace);
            if (logs is not null)
            {
                builder.AddProvider(logs);
            }
        });
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddSingleton(retriever);
        services.AddCoachAi();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    /// <summary>Settings that point the LLM at a fake server.</summary>
    public static Dictionary<string, string?> Llm(Uri endpoint, string? apiKey = "sk-test-key", int timeoutSeconds = 5) => new()
    {
        ["Llm:Endpoint"] = endpoint.ToString(),
        ["Llm:ApiKey"] = apiKey,
        ["Llm:ChatModel"] = "fake-chat-model",
        ["Llm:TimeoutSeconds"] = timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
