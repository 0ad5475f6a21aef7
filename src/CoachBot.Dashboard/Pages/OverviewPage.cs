using System.Globalization;
using CoachBot.Charts;
using CoachBot.Dashboard.Web;

namespace CoachBot.Dashboard.Pages;

/// <summary>Questions per day, answered / partly / declined, 👍/👎 rate, active members, quizzes, interviews, reviews.</summary>
public static class OverviewPage
{
    public static async Task<IResult> GetAsync(HttpContext context, DashboardQueries queries, TimeProvider time)
    {
        var session = DashboardSession.Require(context);
        var days = Period.Days(context);
        var since = time.GetUtcNow().AddDays(-days);
        var questions = await queries.QuestionsAsync(session.CommunityKey, since, context.RequestAborted);
        var activity = await queries.ActivityAsync(session.CommunityKey, since, context.RequestAborted);
        var stats = QuestionStats.Of(questions);
        var votes = activity.Up + activity.Down;
        var html = new Html().Raw("<p>").Raw(Period.Links("/dashboard", days)).Raw("</p><div class=\"cards\">");
        html.Card("Questions", stats.Total.ToString(CultureInfo.InvariantCulture));
        html.Card("Answered", $"{stats.Answered} ({stats.Share(stats.Answered)})");
        html.Card("Partly answered", $"{stats.Partly} ({stats.Share(stats.Partly)})");
        html.Card("Declined", $"{stats.Declined} ({stats.Share(stats.Declined)})");
        html.Card("Votes up / down", votes == 0 ? "no votes yet" : $"{activity.Up} / {activity.Down} ({Html.Number(100.0 * activity.Up / votes)} % up)");
        html.Card("Active members", activity.ActiveMembers.ToString(CultureInfo.InvariantCulture));
        html.Card("Quizzes", activity.Quizzes.ToString(CultureInfo.InvariantCulture));
        html.Card("Mock interviews", activity.Interviews.ToString(CultureInfo.InvariantCulture));
        html.Card("Review answers", activity.Reviews.ToString(CultureInfo.InvariantCulture));
        html.Raw("</div>");
        if (votes == 0)
        {
            html.Element("p", "Feedback: members rate answers with the thumbs up / down buttons under them; none were given in this period.", "muted");
        }

        if (stats.Total > 0)
        {
            html.Raw($"<img class=\"chart\" alt=\"Questions per day, share answered\" src=\"/dashboard/charts/questions.png?days={days}\">");
        }

        html.Element("h2", "Recent questions")
            .Table(
                ["When", "Question", "Decision", "Confidence", "Up", "Down"],
                questions.Take(20).Select(q => (IReadOnlyList<string>)
                [
                    Html.When(q.Record.AnsweredAt), q.Record.Question, q.Record.Decision.ToString(),
                    Html.Number(q.Record.Confidence, "0.00"), q.Up.ToString(CultureInfo.InvariantCulture), q.Down.ToString(CultureInfo.InvariantCulture),
                ]),
                "No questions were asked in this period.")
            .Raw("<p><a href=\"/dashboard/export/questions.csv\">Download the question log (CSV)</a></p>");
        return DashboardLayout.Page(context, session, "Overview", html.ToString());
    }

    /// <summary>The chart: one bar per day with questions, its length the share answered, its note how many were asked.</summary>
    public static async Task<IResult> ChartAsync(HttpContext context, DashboardQueries queries, TimeProvider time)
    {
        var session = DashboardSession.Require(context);
        var days = Period.Days(context);
        var now = time.GetUtcNow();
        var questions = await queries.QuestionsAsync(session.CommunityKey, now.AddDays(-days), context.RequestAborted);
        var bars = QuestionStats.PerDay(questions, now, days)
            .Where(d => d.Stats.Total > 0)
            .TakeLast(BarChartPng.MaxBars)
            .Select(d => new ChartBar(
                d.Day.ToString("ddd d MMM", CultureInfo.InvariantCulture),
                (double)d.Stats.Answered / d.Stats.Total,
                $"{d.Stats.Total} asked, {d.Stats.Declined} declined"))
            .ToList();
        var png = BarChartPng.Render($"Questions per day (last {days} days): bar = share answered", bars, "CoachBot question log");
        return Results.File(png, "image/png");
    }
}
