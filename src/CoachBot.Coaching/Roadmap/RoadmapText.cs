using System.Globalization;
using System.Text;
using CoachBot.Coaching.Competency;
using CoachBot.Coaching.Interview.Bank;
using CoachBot.Core.Replies.Formatting;

namespace CoachBot.Coaching.Roadmap;

/// <summary>The roadmap's facts as text: what the offline reply shows, and what the model is given to phrase.</summary>
public static class RoadmapText
{
    public static string Standing(SkillCompetency standing)
    {
        ArgumentNullException.ThrowIfNull(standing);
        return standing.Level is { } level
            ? string.Create(CultureInfo.InvariantCulture, $"{PercentFormat.Of((int)Math.Round(level * 1000), 1000)} right over {standing.AnswerCount} answer{(standing.AnswerCount == 1 ? "" : "s")}")
            : "not tried yet";
    }

    public static string Heading(RoadmapPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return string.Create(CultureInfo.InvariantCulture,
            $"Your next steps towards **{plan.TargetStage.Title}** ({InterviewLevels.Display(plan.Target)}{(plan.TargetChosen ? "" : ", the first stage you haven't got solid yet")}), weakest first:");
    }

    /// <summary>The steps as a numbered Markdown list; every line names its section, quote, quiz and interview.</summary>
    public static string Steps(RoadmapPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var text = new StringBuilder();
        for (var i = 0; i < plan.Steps.Count; i++)
        {
            var step = plan.Steps[i];
            text.Append(CultureInfo.InvariantCulture, $"{i + 1}. **{step.Standing.Title}** ({Standing(step.Standing)}): ")
                .Append("read ").Append(step.Section.ToCitation().Display)
                .Append(CultureInfo.InvariantCulture, $" (\"{step.Quote}\"), then take `{step.QuizCommand}`");
            if (step.InterviewCommand is { } interview)
            {
                text.Append(CultureInfo.InvariantCulture, $" and `{interview}`");
            }

            text.Append('.').Append('\n');
        }

        return text.ToString().TrimEnd();
    }
}
