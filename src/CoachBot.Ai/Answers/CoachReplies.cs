namespace CoachBot.Ai.Answers;

/// <summary>The coach's fixed wording for declines and notes, in one place.</summary>
public static class CoachReplies
{
    public const string CanHelpWith =
        "I can help with the backend-engineering career path: where to start and how to progress (junior to senior and lead), " +
        "core skills and languages, databases, APIs, security, system design and cloud, interviews and salaries, " +
        "and quizzes or mock interviews to practise.";

    public const string OffTopic =
        "Sorry, that's outside what my guides cover, so I can't answer it well. " + CanHelpWith +
        " Try something like *\"What should I learn first to become a backend developer?\"*";

    public const string Refused =
        "I can't do that: I only answer questions about the backend-engineering career path from my guides, and I don't share my set-up. " +
        CanHelpWith;

    public const string LlmFallbackNote = "The AI model didn't respond, so here are the guide's own words.";

    public const string LlmBudgetNote =
        "This community has used today's AI answers, so here are the guide's own words. AI answers return at midnight UTC.";

    public const string EmptyQuestion =
        "Ask me anything about the backend-engineering career path, e.g. `/ask question: which database should I learn first?`";
}
