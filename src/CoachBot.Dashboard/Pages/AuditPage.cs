using System.Globalization;
using CoachBot.Dashboard.Web;

namespace CoachBot.Dashboard.Pages;

/// <summary>Every moderator action in this community (chat, scheduler and dashboard), newest first, filterable by kind.</summary>
public static class AuditPage
{
    /// <summary>The filter choices: action name prefixes (no member data goes in the address).</summary>
    public static readonly IReadOnlyList<string> Kinds = ["challenge.", "feedback.", "dashboard.", ".refused"];

    public static string? Filter(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var kind = context.Request.Query["kind"].ToString();
        return Kinds.Contains(kind, StringComparer.Ordinal) ? kind : null;
    }

    public static async Task<IResult> GetAsync(HttpContext context, DashboardQueries queries)
    {
        var session = DashboardSession.Require(context);
        var filter = Filter(context);
        var entries = await queries.AuditAsync(session.CommunityKey, filter, context.RequestAborted);
        var html = new Html().Raw("<form method=\"get\" action=\"/dashboard/audit\"><label>Show <select name=\"kind\"><option value=\"\">every action</option>");
        foreach (var kind in Kinds)
        {
            html.Raw("<option value=\"").Text(kind).Raw(kind == filter ? "\" selected>" : "\">").Text(kind).Raw("</option>");
        }

        html.Raw("</select></label><button type=\"submit\">Filter</button></form>")
            .Table(
                ["When", "Who", "Action", "Details"],
                entries.Select(e => (IReadOnlyList<string>)[Html.When(e.At), e.ActorName, e.Action, e.Details]),
                "No moderator actions recorded" + (filter is null ? "." : " of this kind."))
            .Raw("<p><a href=\"/dashboard/export/audit.csv\">Download the audit log (CSV)</a> · ")
            .Text(entries.Count.ToString(CultureInfo.InvariantCulture)).Raw(" entries shown</p>");
        return DashboardLayout.Page(context, session, "Audit log", html.ToString());
    }
}
