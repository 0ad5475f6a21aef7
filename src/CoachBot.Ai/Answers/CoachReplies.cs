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

    public const string PrivacyRefusal =
        "I can't help with that: I don't look up or share personal details about anyone — addresses, phone numbers, emails, " +
        "pay or other private information — whether or not they're in my guides. " + CanHelpWith;

    public const string HarmfulRefusal =
        "I won't help with that: getting into someone else's account or systems, or building tools to attack or trick people, " +
        "can hurt them and is against the law in most places. If you're interested in security, I'm glad to help with " +
        "protecting apps and data, e.g. *\"How do I protect my app from SQL injection?\"*";

    public const string WhichOne =
        "Which one do you mean? I have no list here to count from, so please name it, e.g. *\"tell me more about data engineering\"*.";

    public const string NothingMore =
        "That's everything my guides say on this that I haven't quoted already. Ask me to repeat it, or ask about another part of the topic.";

    /// <summary>The opening of a follow-up answered by the comparison the previous answer quoted ("how does that compare?").</summary>
    public const string ComparisonQuotedBefore = "The only comparison the guides make is the one I quoted:";

    /// <summary>The opening of a "why?" follow-up answered by the reason the previous answer quoted.</summary>
    public const string ReasonQuotedBefore = "The reason the guides give is the one I quoted:";

    /// <summary>The opening of a partly covered answer: what the guides lack, then the closest they have.</summary>
    public static string PartlyCovered(IReadOnlyList<string> missing, bool figures)
    {
        ArgumentNullException.ThrowIfNull(missing);
        var what = missing.Count == 0 ? "that" : string.Join(" or ", missing);
        return figures
            ? $"The guides don't give figures for {what}; the closest they have:"
            : $"The guides don't say anything specific about {what}; the closest they have:";
    }

    public const string LlmFallbackNote = "The AI model didn't respond, so here are the guide's own words.";

    public const string LlmBudgetNote =
        "This community has used today's AI answers, so here are the guide's own words. AI answers return at midnight UTC.";

    public const string EmptyQuestion =
        "Ask me anything about the backend-engineering career path, e.g. `/ask question: which database should I learn first?`";
}
