using System.Text;
using CoachBot.Ai.Answers;
using CoachBot.Ai.Llm;
using CoachBot.Coaching.Interview.Bank;
using CoachBot.Knowledge.Retrieval;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Coaching.Interview.Feedback;

/// <summary>
/// Asks the configured LLM for structured feedback through Semantic Kernel (the <c>interview-feedback</c> prompt, run by
/// <see cref="PromptRunner"/> with its timeout, retry and circuit breaker) and validates the JSON it returns. Any
/// failure (HTTP error, timeout, malformed or out-of-range JSON) is logged and reported as null, so the caller uses the
/// offline rubric check.
/// </summary>
public sealed partial class LlmInterviewFeedbackModel(
    PromptRunner prompts,
    IOptions<LlmOptions> llmOptions,
    ILogger<LlmInterviewFeedbackModel> logger) : IInterviewFeedbackModel
{
    public const string PromptName = CoachBot.Ai.Prompts.PromptNames.InterviewFeedback;

    public bool IsConfigured => llmOptions.Value.IsConfigured;

    public async Task<ParsedFeedback?> EvaluateAsync(
        InterviewQuestion question,
        string answer,
        string? referenceText,
        IReadOnlyList<ScoredPassage> passages,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(passages);
        if (!IsConfigured)
        {
            return null;
        }

        var variables = new Dictionary<string, object?>
        {
            ["level"] = InterviewLevels.Display(question.Level),
            ["track"] = InterviewTracks.Display(question.Track),
            ["question"] = question.Question,
            ["rubric"] = RubricText(question),
            ["reference"] = string.IsNullOrWhiteSpace(referenceText) ? "(none)" : referenceText,
            ["passages"] = passages.Count == 0 ? "(none)" : PromptText.Passages(passages),
            ["answer"] = answer,
        };
        var result = await prompts.RunAsync(PromptName, variables, cancellationToken);
        if (!result.Succeeded)
        {
            LogModelFailed(question.Id, result.Failure ?? "empty reply");
            return null;
        }

        if (!FeedbackJsonParser.TryParse(result.Text, out var feedback, out var problem))
        {
            LogInvalidJson(question.Id, problem ?? "invalid");
            return null;
        }

        return feedback;
    }

    /// <summary>"- point" per rubric entry, plus the STAR steps for behavioral questions.</summary>
    public static string RubricText(InterviewQuestion question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var text = new StringBuilder();
        foreach (var point in question.Rubric)
        {
            text.Append("- ").AppendLine(point.Point);
        }

        if (question.Star is { } star)
        {
            text.AppendLine("A strong behavioral answer follows STAR:")
                .Append("- Situation: ").AppendLine(star.Situation)
                .Append("- Task: ").AppendLine(star.Task)
                .Append("- Action: ").AppendLine(star.Action)
                .Append("- Result: ").AppendLine(star.Result);
        }

        return text.ToString().TrimEnd();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Interview feedback for {QuestionId}: the LLM call failed ({Failure}); using the rubric check")]
    private partial void LogModelFailed(string questionId, string failure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Interview feedback for {QuestionId}: the LLM reply was not valid feedback JSON ({Problem}); using the rubric check")]
    private partial void LogInvalidJson(string questionId, string problem);
}
