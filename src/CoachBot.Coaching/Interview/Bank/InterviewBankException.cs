namespace CoachBot.Coaching.Interview.Bank;

/// <summary>The question bank is missing or malformed; the message names the file and the question.</summary>
public sealed class InterviewBankException : Exception
{
    public InterviewBankException()
    {
    }

    public InterviewBankException(string message)
        : base(message)
    {
    }

    public InterviewBankException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
