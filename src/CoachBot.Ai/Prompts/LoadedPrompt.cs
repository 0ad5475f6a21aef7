using Microsoft.SemanticKernel;

namespace CoachBot.Ai.Prompts;

/// <summary>A prompt template file turned into a Semantic Kernel function, with the file's execution defaults.</summary>
public sealed record LoadedPrompt(string Name, string FilePath, PromptTemplateConfig Config, KernelFunction Function, PromptDefaults Defaults);
