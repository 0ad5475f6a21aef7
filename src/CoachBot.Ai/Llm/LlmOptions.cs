using System.ComponentModel.DataAnnotations;

namespace CoachBot.Ai.Llm;

/// <summary>
/// The optional chat model behind any OpenAI-compatible endpoint (OpenAI, Azure OpenAI's /openai/v1, Ollama, vLLM,
/// LM Studio). Bound from the "Llm" section. With <see cref="Endpoint"/> or <see cref="ChatModel"/> unset the coach
/// answers offline from quoted guide passages.
/// </summary>
public sealed class LlmOptions
{
    public const string SectionName = "Llm";

    /// <summary>Base URL of the OpenAI-compatible API, e.g. https://api.openai.com/v1 or http://localhost:11434/v1.</summary>
    public string? Endpoint { get; set; }

    /// <summary>Bearer key; optional for local servers. Never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Model (or Azure deployment) name used for answers and question rewriting.</summary>
    public string? ChatModel { get; set; }

    /// <summary>Optional embedding model for hybrid retrieval (used by the knowledge layer when set).</summary>
    public string? EmbeddingModel { get; set; }

    /// <summary>Upper bound on one model call including its retry, in seconds; past it the offline answer is used.</summary>
    [Range(1, 300)]
    public int TimeoutSeconds { get; set; } = 20;

    /// <summary>
    /// Model calls in flight at once, for the whole process (answers, question rewrites, interview feedback). Beyond it
    /// calls queue fairly between communities and people, for at most <see cref="TimeoutSeconds"/>, then are answered
    /// offline. Waiting for the model holds no work slot (Discord:MaxConcurrentInteractions, Slack:MaxConcurrentRequests):
    /// this is the only bound on it. 32 suits a hosted API (OpenAI, Azure OpenAI) on a modest rate-limit tier; a local
    /// server (Ollama, LM Studio) that works on a few requests at a time wants about its own parallelism (2–4).
    /// </summary>
    [Range(1, 4096)]
    public int MaxConcurrentRequests { get; set; } = DefaultMaxConcurrentRequests;

    public const int DefaultMaxConcurrentRequests = 32;

    [Range(16, 8192)]
    public int? MaxOutputTokens { get; set; }

    [Range(0.0, 2.0)]
    public double? Temperature { get; set; }

    /// <summary>Folder with the prompt template files; when unset, the nearest "prompts" folder above the app or working directory.</summary>
    public string? PromptsPath { get; set; }

    /// <summary>
    /// LLM-composed replies (answers and interview feedback) one community (a Discord server, a Slack workspace) may
    /// have per UTC day; after it, replies are composed offline until midnight UTC. Null: no limit. Counted per process.
    /// </summary>
    [Range(1, 10_000_000)]
    public int? DailyBudgetPerCommunity { get; set; }

    /// <summary>True when both an endpoint and a chat model are set; otherwise answers are composed offline.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Endpoint) && !string.IsNullOrWhiteSpace(ChatModel);

    /// <summary>The endpoint as a URI; only meaningful when <see cref="IsConfigured"/> and validated.</summary>
    public Uri GetEndpointUri() => new(Endpoint!.Trim(), UriKind.Absolute);
}
