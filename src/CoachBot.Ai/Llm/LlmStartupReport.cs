using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Ai.Llm;

/// <summary>Says at start-up how answers will be composed. The key is reported only as set or not set.</summary>
public sealed partial class LlmStartupReport(IOptions<LlmOptions> options, ILogger<LlmStartupReport> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var llm = options.Value;
        if (!logger.IsEnabled(LogLevel.Information))
        {
            return Task.CompletedTask;
        }

        if (llm.IsConfigured)
        {
            var endpoint = SafeEndpoint(llm.GetEndpointUri());
            var keyState = string.IsNullOrWhiteSpace(llm.ApiKey) ? "not set" : "set";
            LogConfigured(endpoint, llm.ChatModel!, keyState, llm.TimeoutSeconds, llm.MaxConcurrentRequests);
        }
        else
        {
            LogOffline();
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Scheme, host, port and path only: user info and query strings can carry credentials.</summary>
    public static string SafeEndpoint(Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return endpoint.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Answers through the LLM at {Endpoint}, model {Model}, key: {KeyState}, timeout {TimeoutSeconds} s, at most {MaxConcurrentRequests} calls at once (Llm:MaxConcurrentRequests); offline answers on failure")]
    private partial void LogConfigured(string endpoint, string model, string keyState, int timeoutSeconds, int maxConcurrentRequests);

    [LoggerMessage(Level = LogLevel.Information, Message = "No LLM configured (Llm:Endpoint, Llm:ChatModel): answers are composed offline from quoted guide passages")]
    private partial void LogOffline();
}
