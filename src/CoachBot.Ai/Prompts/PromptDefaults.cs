namespace CoachBot.Ai.Prompts;

/// <summary>The execution defaults a prompt file asks for; <c>Llm:Temperature</c> and <c>Llm:MaxOutputTokens</c> override them.</summary>
public sealed record PromptDefaults(double? Temperature, int? MaxTokens);
