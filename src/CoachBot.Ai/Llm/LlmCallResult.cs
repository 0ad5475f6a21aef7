namespace CoachBot.Ai.Llm;

/// <summary>The text a model call produced, or why it produced none (for the log line and the fallback).</summary>
public sealed record LlmCallResult(string? Text, string? Failure)
{
    public bool Succeeded => Failure is null && !string.IsNullOrWhiteSpace(Text);

    public static LlmCallResult Ok(string text) => new(text, null);

    public static LlmCallResult Failed(string failure) => new(null, failure);
}
