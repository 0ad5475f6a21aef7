using System.Globalization;
using System.Text;
using CoachBot.Charts;
using CoachBot.Core.Replies;

namespace CoachBot.Coaching.Competency;

/// <summary>
/// Renders a <see cref="CompetencySnapshot"/>: the figures as Markdown text (always, for screen readers), a text bar
/// chart (the terminal), and the same chart as a PNG attachment (Discord, Slack, <c>/progress --chart</c>).
/// </summary>
public static class CompetencyReport
{
    public const string ChartFileName = "progress.png";
    public const int TextBarWidth = 20;

    public static string Text(CompetencySnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var text = new StringBuilder("**Competency map** (quizzes, reviews and LLM-graded interviews; recent answers count more)");
        foreach (var skill in snapshot.Skills)
        {
            text.Append("\n- **").Append(skill.Title).Append("**: ").Append(Figure(skill));
        }

        return text.ToString();
    }

    /// <summary>A fixed-width bar chart for clients without images: one line per skill.</summary>
    public static string TextChart(CompetencySnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var width = Math.Min(28, snapshot.Skills.Select(s => s.Title.Length).DefaultIfEmpty(8).Max());
        var text = new StringBuilder();
        foreach (var skill in snapshot.Skills)
        {
            var label = skill.Title.Length > width ? skill.Title[..(width - 1)] + "…" : skill.Title.PadRight(width);
            text.Append(label).Append(' ');
            if (skill.Level is { } level)
            {
                var filled = (int)Math.Round(Math.Clamp(level, 0, 1) * TextBarWidth);
                text.Append('█', filled).Append('░', TextBarWidth - filled)
                    .Append(CultureInfo.InvariantCulture, $" {Percent(level),5} ({skill.AnswerCount})");
            }
            else
            {
                text.Append('·', TextBarWidth).Append(" not tried");
            }

            text.Append('\n');
        }

        return text.ToString().TrimEnd('\n');
    }

    public static ReplyAttachment Chart(CompetencySnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var bars = snapshot.Skills
            .Select(s => new ChartBar(s.Title, s.Level, s.IsTried ? Answers(s.AnswerCount) : ""))
            .ToList();
        var png = BarChartPng.Render(
            "Your level per skill",
            bars,
            string.Create(CultureInfo.InvariantCulture, $"Recency-weighted share of right answers · {snapshot.ComputedAt.UtcDateTime:yyyy-MM-dd}"));
        return new ReplyAttachment(ChartFileName, ReplyAttachment.Png, png, AltText(snapshot))
        {
            TextFallback = TextChart(snapshot),
        };
    }

    public static string AltText(CompetencySnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var text = "Bar chart of your level per skill: " + string.Join("; ", snapshot.Skills.Select(s => $"{s.Title} {Figure(s)}")) + ".";
        return text.Length <= ReplyAttachment.MaxAltTextLength ? text : text[..(ReplyAttachment.MaxAltTextLength - 1)] + "…";
    }

    private static string Figure(SkillCompetency skill) =>
        skill.Level is { } level
            ? string.Create(CultureInfo.InvariantCulture, $"{Percent(level)} ({Answers(skill.AnswerCount)}, last {skill.LastSeen!.Value.UtcDateTime:yyyy-MM-dd})")
            : "not tried";

    private static string Answers(int count) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} answer{(count == 1 ? "" : "s")}");

    private static string Percent(double level) =>
        string.Create(CultureInfo.InvariantCulture, $"{Math.Round(Math.Clamp(level, 0, 1) * 100):0}%");
}
