using System.Globalization;
using System.Text;
using CoachBot.Dashboard.Web;
using CoachBot.Storage.Challenges;

namespace CoachBot.Dashboard.Pages;

/// <summary>
/// CSV downloads of the dashboard's tables (questions, gaps, challenges, submissions, members, audit) for the session's
/// community. A cell that a spreadsheet would read as a formula (=, +, -, @) is prefixed with an apostrophe.
/// </summary>
public static class CsvExport
{
    public static readonly IReadOnlyList<string> Tables = ["questions", "gaps", "challenges", "submissions", "members", "audit"];

    public static async Task<IResult> GetAsync(HttpContext context, string table, DashboardQueries queries, KnowledgeGaps gaps, TimeProvider time)
    {
        var session = DashboardSession.Require(context);
        var ct = context.RequestAborted;
        var since = time.GetUtcNow().AddDays(-Period.Choices.Max());
        var csv = new StringBuilder();
        switch (table)
        {
            case "questions":
                Row(csv, "answered_at", "question", "decision", "confidence", "offline", "sources", "scores", "up", "down");
                foreach (var q in await queries.QuestionsAsync(session.CommunityKey, since, ct))
                {
                    Row(csv, Html.When(q.Record.AnsweredAt), q.Record.Question, q.Record.Decision.ToString(), Html.Number(q.Record.Confidence, "0.000"),
                        q.Record.Offline ? "yes" : "no", q.Record.Sources.Replace('\n', ';'), q.Record.Scores.Replace('\n', ';'), Count(q.Up), Count(q.Down));
                }

                break;
            case "gaps":
                Row(csv, "questions", "declined", "partly", "down_votes", "section", "reference", "examples");
                foreach (var g in gaps.Group(await queries.QuestionsAsync(session.CommunityKey, since, ct), ct))
                {
                    Row(csv, Count(g.Questions.Count), Count(g.Declined), Count(g.Partly), Count(g.DownVotes), g.SectionName, g.SectionReference ?? string.Empty,
                        string.Join(" | ", g.Questions.Take(5).Select(q => q.Record.Question)));
                }

                break;
            case "challenges":
                Row(csv, "id", "title", "posted_at", "due_at", "closed_at", "bank_id", "channel", "winners");
                var winners = await queries.WinnersAsync(session.CommunityKey, ct);
                foreach (var c in await queries.ChallengesAsync(session.CommunityKey, DashboardQueries.MaxRows, ct))
                {
                    Row(csv, c.Id.ToString(CultureInfo.InvariantCulture), c.Title, Html.When(c.PostedAt), Html.When(c.DueAt), Html.When(c.ClosedAt),
                        c.BankId ?? string.Empty, c.ChannelId, string.Join("; ", winners[c.Id].Select(w => w.DisplayName)));
                }

                break;
            case "submissions":
                Row(csv, "challenge_id", "challenge", "member", "submitted_at", "updated_at", "content");
                foreach (var c in await queries.ChallengesAsync(session.CommunityKey, 50, ct))
                {
                    foreach (var s in await queries.SubmissionsAsync(session.CommunityKey, c.Id, ct))
                    {
                        Row(csv, c.Id.ToString(CultureInfo.InvariantCulture), c.Title, s.DisplayName, Html.When(s.SubmittedAt), Html.When(s.UpdatedAt), s.Content);
                    }
                }

                break;
            case "members":
                Row(csv, "member", "first_seen", "last_seen");
                foreach (var m in await queries.MembersAsync(session.CommunityKey, ct))
                {
                    Row(csv, m.DisplayName, Html.When(m.FirstSeenAt), Html.When(m.LastSeenAt));
                }

                break;
            case "audit":
                Row(csv, "at", "who", "action", "details");
                foreach (ModeratorAuditEntry e in await queries.AuditAsync(session.CommunityKey, AuditPage.Filter(context), ct))
                {
                    Row(csv, Html.When(e.At), e.ActorName, e.Action, e.Details);
                }

                break;
            default:
                return Results.NotFound();
        }

        return Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", table + ".csv");
    }

    public static string Cell(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var safe = value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
        return safe.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Row(StringBuilder csv, params string[] cells) => csv.AppendJoin(',', cells.Select(Cell)).Append("\r\n");
}
