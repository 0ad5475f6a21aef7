using System.Globalization;
using CoachBot.Dashboard.Web;

namespace CoachBot.Dashboard.Pages;

/// <summary>What to add to <c>knowledge/</c>: gaps grouped by meaning, with counts, examples and the section retrieval chose.</summary>
public static class GapsPage
{
    public static async Task<IResult> GetAsync(HttpContext context, DashboardQueries queries, KnowledgeGaps gaps, TimeProvider time)
    {
        var session = DashboardSession.Require(context);
        var days = Period.Days(context);
        var questions = await queries.QuestionsAsync(session.CommunityKey, time.GetUtcNow().AddDays(-days), context.RequestAborted);
        var groups = gaps.Group(questions, context.RequestAborted);
        var html = new Html().Raw("<p>").Raw(Period.Links("/dashboard/gaps", days)).Raw("</p>")
            .Element("p", "Questions the coach declined or only partly answered, and answers members voted down, grouped by similar meaning. "
                + "The section is the part of the guides retrieval found closest: extend it, or add a guide, in knowledge/.", "muted")
            .Table(
                ["Questions", "Declined", "Partly", "Down votes", "Examples", "Guide section retrieval chose"],
                groups.Select(g => (IReadOnlyList<string>)
                [
                    g.Questions.Count.ToString(CultureInfo.InvariantCulture),
                    g.Declined.ToString(CultureInfo.InvariantCulture),
                    g.Partly.ToString(CultureInfo.InvariantCulture),
                    g.DownVotes.ToString(CultureInfo.InvariantCulture),
                    string.Join(" · ", g.Questions.Take(3).Select(q => "“" + q.Record.Question + "”")),
                    g.SectionReference is null ? g.SectionName : $"{g.SectionName} (knowledge: {g.SectionReference})",
                ]),
                "No gaps in this period: every question was answered and no answer was voted down.")
            .Raw("<p><a href=\"/dashboard/export/gaps.csv\">Download the gaps (CSV)</a></p>");
        return DashboardLayout.Page(context, session, "Knowledge gaps", html.ToString());
    }
}
