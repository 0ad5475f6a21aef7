using CoachBot.Ai.Answers;
using CoachBot.Ai.Llm;
using CoachBot.Ai.Prompts;
using CoachBot.Coaching.Interview.Bank;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Coaching.Roadmap;

/// <summary>
/// Has the configured LLM word a computed roadmap (the <c>roadmap</c> prompt). The model gets the facts only and its
/// wording is kept only when it still carries every step's quiz command in the computed order; otherwise (or when the
/// call fails) the caller uses the offline wording. Citations never come from the model.
/// </summary>
public sealed partial class LlmRoadmapPhraser(
    PromptRunner prompts,
    ModelOutputCleaner cleaner,
    IOptions<LlmOptions> llmOptions,
    ILogger<LlmRoadmapPhraser> logger)
{
    public bool IsConfigured => llmOptions.Value.IsConfigured;

    /// <summary>The model's wording of <paramref name="plan"/>, or null to fall back offline.</summary>
    public async Task<string?> PhraseAsync(RoadmapPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (!IsConfigured || plan.Steps.Count == 0)
        {
            return null;
        }

        var variables = new Dictionary<string, object?>
        {
            ["target"] = $"{plan.TargetStage.Title} ({InterviewLevels.Display(plan.Target)})",
            ["steps"] = RoadmapText.Steps(plan),
        };
        var result = await prompts.RunAsync(PromptNames.Roadmap, variables, cancellationToken);
        if (!result.Succeeded)
        {
            return null;
        }

        var text = cleaner.Clean(result.Text);
        if (!KeepsTheSteps(text, plan))
        {
            LogDroppedSteps();
            return null;
        }

        return text;
    }

    /// <summary>Every step's quiz command appears, in the computed order.</summary>
    public static bool KeepsTheSteps(string text, RoadmapPlan plan)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(plan);
        var from = 0;
        foreach (var step in plan.Steps)
        {
            var at = text.IndexOf(step.QuizCommand, from, StringComparison.Ordinal);
            if (at < 0)
            {
                return false;
            }

            from = at + step.QuizCommand.Length;
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The roadmap the LLM wrote left out or reordered computed steps; using the offline wording")]
    private partial void LogDroppedSteps();
}
