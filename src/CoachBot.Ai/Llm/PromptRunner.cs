using System.Diagnostics;
using System.Text;
using CoachBot.Ai.Prompts;
using CoachBot.Core.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
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
    public Task<LlmCallResult> RunAsync(string promptName, IDictionary<string, object?> variables, CancellationToken cancellationToken) =>
        CallAsync(promptName, variables, async (prompt, arguments) =>
        {
            var result = await kernels.Create().InvokeAsync(prompt.Function, arguments, cancellationToken);
            return result.GetValue<string>();
        }, cancellationToken);

    /// <summary>
    /// Runs the prompt like <see cref="RunAsync"/>, but streamed (Semantic Kernel's streaming chat API, server-sent
    /// events from the model): <paramref name="onTextSoFar"/> gets the whole raw text so far after every piece. Each
    /// wait for the next piece, the first included, is bounded by <c>Llm:TimeoutSeconds</c> (the resilience pipeline's
    /// timeouts end once the headers are in). A stream that fails or stalls part way is a failed call: the caller must
    /// replace whatever it showed.
    /// </summary>
    public Task<LlmCallResult> StreamAsync(
        string promptName, IDictionary<string, object?> variables, Action<string> onTextSoFar, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onTextSoFar);
        var idleLimit = TimeSpan.FromSeconds(options.Value.TimeoutSeconds);
        return CallAsync(promptName, variables, async (prompt, arguments) =>
        {
            using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            idle.CancelAfter(idleLimit);
            var soFar = new StringBuilder();
            await foreach (var piece in kernels.Create().InvokeStreamingAsync<StreamingChatMessageContent>(prompt.Function, arguments, idle.Token))
            {
                idle.CancelAfter(idleLimit);
                if (string.IsNullOrEmpty(piece.Content))
                {
                    continue;
                }

                soFar.Append(piece.Content);
                onTextSoFar(soFar.ToString());
            }

            return soFar.ToString();
        }, cancellationToken);
    }

    /// <summary>
    /// One model call, whichever way it is made: out of the work slot with a place towards the model
    /// (Llm:MaxConcurrentRequests, fair between communities), any model failure turned into a failed result, and the
    /// call counted in the metrics.
    /// </summary>
    private async Task<LlmCallResult> CallAsync(
        string promptName, IDictionary<string, object?> variables, Func<LoadedPrompt, KernelArguments, Task<string?>> call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(variables);
        var started = Stopwatch.GetTimestamp();
        var succeeded = false;
        try
        {
            var prompt = prompts.Get(promptName);
            var arguments = Arguments(prompt, variables);
            var text = await limiter.RunAsync(() => call(prompt, arguments), cancellationToken);
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
#pragma warning disable CA1031 // Any model failure (HTTP, timeout, circuit open, bad JSON, a stream that breaks off) must become the offline answer.
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

    /// <summary>The prompt's variables with the execution settings (configured temperature and length, else the prompt's own).</summary>
    private KernelArguments Arguments(LoadedPrompt prompt, IDictionary<string, object?> variables)
    {
        var llm = options.Value;
        var arguments = new KernelArguments(new OpenAIPromptExecutionSettings
        {
            Temperature = llm.Temperature ?? prompt.Defaults.Temperature,
            MaxTokens = llm.MaxOutputTokens ?? prompt.Defaults.MaxTokens,
        });
        foreach (var (name, value) in variables)
        {
            arguments[name] = value;
        }

        return arguments;
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
