namespace CoachBot.Ai.Llm;

/// <summary>All of Llm:MaxConcurrentRequests stayed taken for Llm:TimeoutSeconds: the caller answers offline.</summary>
public sealed class LlmBusyException : Exception
{
    public LlmBusyException()
    {
    }

    public LlmBusyException(string message)
        : base(message)
    {
    }

    public LlmBusyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
