using System.Diagnostics;
using CoachBot.Ai.Prompts;
using CoachBot.Core.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace CoachBot.Ai.Llm;

/// <summary>
/// Runs one prompt from the <see cref="PromptLibrary"/> through the kernel and reports text or failure, never
/// throwing for a model problem (HTTP error, timeout, open circuit, malformed or empty reply): callers fall back.
/// </summary>
public sealed partial class PromptRunner(
    LlmKernelFactory kernels,
    PromptLibrary prompts,
    LlmRequestLimiter limiter,
    IOptions<LlmOptions> options,
    ILogger<PromptRunner> logger,
    CoachMetrics? metrics = null)
{
    public async Task<LlmCallResult> RunAsync(string promptName, IDictionary<string, object?> variables, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(variables);
        var started = Stopwatch.GetTimestamp();
        var succeeded = false;
        try
        {
            var prompt = prompts.Get(promptName);
            var llm = options.Value;
            var settings = new OpenAIPromptExecutionSettings
            {
                Temperature = llm.Temperature ?? prompt.Defaults.Temperature,
                MaxTokens = llm.MaxOutputTokens ?? prompt.Defaults.MaxTokens,
            };
            var arguments = new KernelArguments(settings);
            foreach (var (name, value) in variables)
            {
                arguments[name] = value;
            }

            // Out of the work slot, with a place towards the model (Llm:MaxConcurrentRequests, fair between communities).
            var result = await limiter.RunAsync(() => kernels.Create().InvokeAsync(prompt.Function, arguments, cancellationToken), cancellationToken);
            var text = result.GetValue<string>();
            if (string.IsNullOrWhiteSpace(text))
            {
                LogEmpty(promptName);
                return LlmCallResult.Failed("empty reply");
            }

            succeeded = true;
            return LlmCallResult.Ok(text.Trim());
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Any model failure (HTTP, timeout, circuit open, bad JSON) must become the offline answer.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogFailed(promptName, ex.GetType().Name, Redact(Describe(ex)));
            return LlmCallResult.Failed(ex.GetType().Name);
        }
        finally
        {
            // A call the person's request cancelled (shutdown) is neither a success nor a model failure.
            if (!cancellationToken.IsCancellationRequested)
            {
                metrics?.LlmCall(Stopwatch.GetElapsedTime(started), succeeded);
            }
        }
    }

    // A server may echo what it was sent; the key never reaches the log even then.
    private string Redact(string text) =>
        string.IsNullOrEmpty(options.Value.ApiKey) ? text : text.Replace(options.Value.ApiKey, "***", StringComparison.Ordinal);

    // Only the exception chain's type names and first message: bodies and headers stay out of the log.
    private static string Describe(Exception ex)
    {
        var names = new List<string>();
        for (var current = ex.InnerException; current is not null && names.Count < 3; current = current.InnerException)
        {
            names.Add(current.GetType().Name);
        }

        var message = ex.Message.Length > 200 ? ex.Message[..200] : ex.Message;
        return names.Count == 0 ? message : message + " (" + string.Join(" <- ", names) + ")";
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "LLM prompt {Prompt} failed with {ErrorType}: {Detail}; using the offline answer")]
    private partial void LogFailed(string prompt, string errorType, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "LLM prompt {Prompt} returned an empty reply; using the offline answer")]
    private partial void LogEmpty(string prompt);
}
