using CoachBot.Storage.Feedback;

namespace CoachBot.Dashboard.Pages;

/// <summary>Counts over logged questions: per decision, and per day for the chart.</summary>
public sealed record QuestionStats(int Total, int Answered, int Partly, int Declined)
{
    public static QuestionStats Of(IEnumerable<LoggedQuestion> questions)
    {
        var list = questions.ToList();
        return new QuestionStats(
            list.Count,
            list.Count(q => q.Record.Decision == QuestionDecision.Answered),
            list.Count(q => q.Record.Decision == QuestionDecision.Partly),
            list.Count(q => q.Record.Decision == QuestionDecision.Declined));
    }

    public string Share(int part) => Total == 0 ? "—" : Web.Html.Number(100.0 * part / Total) + " %";

    /// <summary>One row per day of the period (oldest first), days without questions included.</summary>
    public static IReadOnlyList<(DateOnly Day, QuestionStats Stats)> PerDay(IEnumerable<LoggedQuestion> questions, DateTimeOffset now, int days)
    {
        var byDay = questions.GroupBy(q => DateOnly.FromDateTime(q.Record.AnsweredAt.UtcDateTime)).ToDictionary(g => g.Key, g => Of(g));
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        return Enumerable.Range(0, days)
            .Select(i => today.AddDays(i - days + 1))
            .Select(day => (day, byDay.GetValueOrDefault(day, new QuestionStats(0, 0, 0, 0))))
            .ToList();
    }
}
