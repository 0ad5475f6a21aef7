using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;

namespace CoachBot.Ai.Llm;

/// <summary>
/// Builds the Semantic Kernel for one request: SK's OpenAI chat connector pointed at <c>Llm:Endpoint</c>, sending
/// through the resilient "llm" HttpClient from the factory (so handlers rotate and the retry, timeout and circuit
/// breaker policies apply). Building is cheap next to a model call.
/// The kernel gets no logger factory on purpose: SK logs a failed call with the raw exception, whose message carries the
/// server's response body, and a proxy may echo the key there. <see cref="PromptRunner"/> logs failures, redacted.
/// </summary>
public sealed class LlmKernelFactory(IHttpClientFactory httpClients, IOptions<LlmOptions> options)
{
    public const string HttpClientName = "CoachBot.Llm";

    // The OpenAI client insists on a credential; local servers (Ollama, vLLM, LM Studio) ignore it.
    private const string NoKeyPlaceholder = "no-key";

    public Kernel Create()
    {
        var llm = options.Value;
        if (!llm.IsConfigured)
        {
            throw new InvalidOperationException("No LLM is configured (Llm:Endpoint and Llm:ChatModel).");
        }

        var builder = Kernel.CreateBuilder();
        builder.AddOpenAIChatCompletion(
            modelId: llm.ChatModel!,
            endpoint: llm.GetEndpointUri(),
            apiKey: string.IsNullOrWhiteSpace(llm.ApiKey) ? NoKeyPlaceholder : llm.ApiKey,
            httpClient: httpClients.CreateClient(HttpClientName));
        return builder.Build();
    }
}
