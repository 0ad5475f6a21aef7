using System.Globalization;
using System.Text.RegularExpressions;
using CoachBot.Dashboard.Web;
using CoachBot.Storage.Challenges;
using Microsoft.AspNetCore.Antiforgery;

namespace CoachBot.Dashboard.Pages;

/// <summary>Current and past challenges with their submissions, and the forms for the moderator actions.</summary>
public static partial class ChallengesPage
{
    public static Task<IResult> GetAsync(HttpContext context, DashboardQueries queries, IChallengeScheduleStore schedules, IAntiforgery antiforgery) =>
        RenderAsync(context, queries, schedules, antiforgery, DashboardNotices.Take(context));

    public static async Task<IResult> RenderAsync(
        HttpContext context, DashboardQueries queries, IChallengeScheduleStore schedules, IAntiforgery antiforgery,
        IReadOnlyList<(bool Ok, string Text)> notices, int status = StatusCodes.Status200OK)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(notices);
        var session = DashboardSession.Require(context);
        var ct = context.RequestAborted;
        var challenges = await queries.ChallengesAsync(session.CommunityKey, 50, ct);
        var winners = await queries.WinnersAsync(session.CommunityKey, ct);
        var schedule = await schedules.FindAsync(session.CommunityKey, ct);
        var form = Html.Antiforgery(antiforgery.GetAndStoreTokens(context));
        var html = new Html();
        foreach (var (ok, text) in notices)
        {
            html.Element("p", text, ok ? "notice" : "problem");
        }

        var open = challenges.FirstOrDefault(c => c.IsOpen);
        var awaiting = challenges.FirstOrDefault(c => !c.IsOpen && c.WinnersAnnouncedAt is null);
        html.Element("h2", "Current challenge");
        if (open is null)
        {
            html.Element("p", "No challenge is open.", "muted");
        }
        else
        {
            var submissions = await queries.SubmissionsAsync(session.CommunityKey, open.Id, ct);
            html.Raw("<p><strong>").Text(open.Title).Raw("</strong> — due ").Text(Html.When(open.DueAt))
                .Raw($" · {submissions.Count.ToString(CultureInfo.InvariantCulture)} submission(s)</p>")
                .Raw("<form method=\"post\" action=\"/dashboard/challenges/close\" class=\"inline\">").Raw(form)
                .Raw("<button type=\"submit\">Close it now</button></form>");
            Submissions(html, submissions, selectable: false);
        }

        if (awaiting is not null)
        {
            var submissions = await queries.SubmissionsAsync(session.CommunityKey, awaiting.Id, ct);
            html.Element("h2", "Waiting for winners: " + awaiting.Title);
            html.Raw("<form method=\"post\" action=\"/dashboard/challenges/winners\">").Raw(form);
            Submissions(html, submissions, selectable: true);
            html.Raw(submissions.Count == 0 ? string.Empty : "<button type=\"submit\">Announce the checked winners</button>").Raw("</form>");
        }

        html.Element("h2", "Post a challenge")
            .Raw("<fieldset><form method=\"post\" action=\"/dashboard/challenges/post\">").Raw(form)
            .Raw("<input type=\"hidden\" name=\"from\" value=\"bank\">").Raw(ChannelField(challenges, schedule, "bank-channel"))
            .Raw("<button type=\"submit\">Post the next one from the bank</button></form></fieldset>")
            .Raw("<fieldset><form method=\"post\" action=\"/dashboard/challenges/post\">").Raw(form)
            .Raw("<label>Title <input type=\"text\" name=\"title\" maxlength=\"").Raw(ChallengeLimits.TitleLength.ToString(CultureInfo.InvariantCulture)).Raw("\" required></label>")
            .Raw("<label>Brief <textarea name=\"brief\" rows=\"4\" maxlength=\"").Raw(ChallengeLimits.BriefLength.ToString(CultureInfo.InvariantCulture)).Raw("\" required></textarea></label>")
            .Raw("<label>Due (e.g. 5d, 48h; empty for the default) <input type=\"text\" name=\"due\" maxlength=\"20\"></label>")
            .Raw(ChannelField(challenges, schedule, "form-channel"))
            .Raw("<button type=\"submit\">Post this challenge</button></form></fieldset>");

        html.Element("h2", "Weekly schedule")
            .Element("p", schedule is { Enabled: true }
                ? $"On: {schedule.Day} {schedule.Hour:00}:{schedule.Minute:00} ({schedule.TimeZoneId}) in channel {schedule.ChannelId}."
                : "Off: challenges are posted by hand.")
            .Raw("<fieldset><form method=\"post\" action=\"/dashboard/challenges/schedule\">").Raw(form)
            .Raw("<label>Day <select name=\"day\">");
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            var selected = schedule?.Day == day ? " selected" : string.Empty;
            html.Raw($"<option value=\"{day}\"{selected}>{day}</option>");
        }

        html.Raw("</select></label>")
            .Raw("<label>Time (24-hour HH:mm) <input type=\"text\" name=\"time\" maxlength=\"5\" value=\"")
            .Text(schedule is null ? "09:00" : $"{schedule.Hour:00}:{schedule.Minute:00}").Raw("\"></label>")
            .Raw("<label>Time zone (IANA) <input type=\"text\" name=\"timezone\" maxlength=\"64\" value=\"").Text(schedule?.TimeZoneId ?? "UTC").Raw("\"></label>")
            .Raw(ChannelField(challenges, schedule, "schedule-channel"))
            .Raw("<button type=\"submit\">Save the schedule</button></form>")
            .Raw("<form method=\"post\" action=\"/dashboard/challenges/schedule\">").Raw(form)
            .Raw("<input type=\"hidden\" name=\"day\" value=\"off\"><button type=\"submit\">Turn weekly posts off</button></form></fieldset>");

        html.Element("h2", "All challenges").Table(
            ["Title", "Posted", "Due", "Closed", "Winners"],
            challenges.Select(c => (IReadOnlyList<string>)
            [
                c.Title, Html.When(c.PostedAt), Html.When(c.DueAt), c.IsOpen ? "open" : Html.When(c.ClosedAt),
                string.Join(", ", winners[c.Id].Select(w => w.DisplayName)),
            ]),
            "No challenge has been posted yet.")
            .Raw("<p><a href=\"/dashboard/export/challenges.csv\">Download the challenges (CSV)</a> · <a href=\"/dashboard/export/submissions.csv\">the submissions (CSV)</a></p>");
        return DashboardLayout.Page(context, session, "Challenges", html.ToString(), status);
    }

    /// <summary>The channels this community's challenges went to (the schedule's first); the first is preselected.</summary>
    public static IReadOnlyList<string> KnownChannels(IEnumerable<Challenge> challenges, ChallengeSchedule? schedule) =>
        new[] { schedule?.ChannelId }.Concat(challenges.Select(c => c.ChannelId))
            .Where(c => !string.IsNullOrEmpty(c)).Select(c => c!).Distinct(StringComparer.Ordinal).ToList();

    private static string ChannelField(IReadOnlyList<Challenge> challenges, ChallengeSchedule? schedule, string id)
    {
        var known = KnownChannels(challenges, schedule);
        var html = new Html().Raw($"<label for=\"{id}\">Channel id</label><input type=\"text\" id=\"{id}\" name=\"channel\" maxlength=\"64\" required list=\"{id}-known\" value=\"")
            .Text(known.Count > 0 ? known[0] : string.Empty).Raw($"\"><datalist id=\"{id}-known\">");
        foreach (var channel in known)
        {
            html.Raw("<option value=\"").Text(channel).Raw("\">");
        }

        return html.Raw("</datalist>").ToString();
    }

    private static void Submissions(Html html, IReadOnlyList<ChallengeSubmission> submissions, bool selectable)
    {
        if (submissions.Count == 0)
        {
            html.Element("p", "No submissions yet.", "muted");
            return;
        }

        html.Raw("<table><thead><tr>").Raw(selectable ? "<th>Winner</th>" : string.Empty).Raw("<th>Member</th><th>Submission</th><th>Links</th><th>Updated</th></tr></thead><tbody>");
        foreach (var submission in submissions)
        {
            html.Raw("<tr>");
            if (selectable)
            {
                html.Raw("<td><input type=\"checkbox\" name=\"submission\" value=\"")
                    .Text(submission.Id.ToString(CultureInfo.InvariantCulture)).Raw("\" aria-label=\"winner\"></td>");
            }

            html.Element("td", submission.DisplayName).Element("td", submission.Content).Raw("<td>");
            foreach (Match link in LinkPattern().Matches(submission.Content))
            {
                html.Raw("<a rel=\"noopener noreferrer nofollow\" href=\"").Text(link.Value).Raw("\">").Text(link.Value).Raw("</a><br>");
            }

            html.Raw("</td>").Element("td", Html.When(submission.UpdatedAt)).Raw("</tr>");
        }

        html.Raw("</tbody></table>");
    }

    [GeneratedRegex(@"https?://[^\s<>""']+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex LinkPattern();
}
