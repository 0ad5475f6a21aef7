namespace CoachBot.Ai.Prompts;

/// <summary>The prompt template files the coach needs, by name (file name without ".yaml").</summary>
public static class PromptNames
{
    public const string Answer = "answer";
    public const string RewriteQuestion = "rewrite-question";

    public const string InterviewFeedback = "interview-feedback";

    public const string Roadmap = "roadmap";

    public static IReadOnlyList<string> All { get; } = [Answer, RewriteQuestion, InterviewFeedback, Roadmap];
}
