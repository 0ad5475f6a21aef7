using System.Globalization;
using CoachBot.Coaching.Competency;
using CoachBot.Dashboard.Web;
using CoachBot.Storage.Challenges;
using CoachBot.Storage.Community;
using CoachBot.Storage.Quiz;
using Microsoft.AspNetCore.Mvc;

namespace CoachBot.Dashboard.Pages;

/// <summary>The quiz and challenge leaderboards (this week or all time), the members, and one member's summary.</summary>
public static class MembersPage
{
    public static async Task<IResult> GetAsync(
        HttpContext context, DashboardQueries queries, IQuizStore quizzes, IChallengeStore challenges, ICommunityMemberStore members, TimeProvider time)
    {
        var session = DashboardSession.Require(context);
        var ct = context.RequestAborted;
        var allTime = string.Equals(context.Request.Query["period"], "all", StringComparison.Ordinal);
        DateTimeOffset? since = allTime ? null : time.GetUtcNow().AddDays(-7);
        var board = await quizzes.LeaderboardAsync(session.CommunityKey, since, 20, ct);
        var names = await members.DisplayNamesAsync(session.CommunityKey, board.Select(b => b.UserKey).ToList(), ct);
        var everyone = await queries.MembersAsync(session.CommunityKey, ct);
        var html = new Html().Raw("<p>")
            .Raw(allTime ? "<a href=\"/dashboard/members\">this week</a> · <strong>all time</strong>" : "<strong>this week</strong> · <a href=\"/dashboard/members?period=all\">all time</a>")
            .Raw("</p>").Element("h2", "Quiz leaderboard")
            .Table(
                ["#", "Member", "Correct", "Answered", "Quizzes completed"],
                board.Select((row, i) => (IReadOnlyList<string>)
                [
                    (i + 1).ToString(CultureInfo.InvariantCulture), names.GetValueOrDefault(row.UserKey, SafeDisplayName.Anonymous),
                    row.Correct.ToString(CultureInfo.InvariantCulture), row.Answered.ToString(CultureInfo.InvariantCulture),
                    row.QuizzesCompleted.ToString(CultureInfo.InvariantCulture),
                ]),
                "No quiz answers in this period.")
            .Element("h2", "Challenge leaderboard (all time)")
            .Table(
                ["Member", "Wins", "Submissions"],
                (await challenges.LeaderboardAsync(session.CommunityKey, 20, ct)).Select(r => (IReadOnlyList<string>)
                [
                    r.DisplayName, r.Wins.ToString(CultureInfo.InvariantCulture), r.Submissions.ToString(CultureInfo.InvariantCulture),
                ]),
                "No challenge submissions yet.")
            .Element("h2", "Members");
        if (everyone.Count == 0)
        {
            html.Element("p", "The coach hasn't met anyone in this community yet.", "muted");
        }
        else
        {
            html.Raw("<table><thead><tr><th>Member</th><th>First seen</th><th>Last seen</th></tr></thead><tbody>");
            foreach (var member in everyone)
            {
                // An opaque row id in the link, never the member's platform id or name.
                html.Raw($"<tr><td><a href=\"/dashboard/members/{member.Id.ToString(CultureInfo.InvariantCulture)}\">").Text(member.DisplayName).Raw("</a></td>")
                    .Element("td", Html.When(member.FirstSeenAt)).Element("td", Html.When(member.LastSeenAt)).Raw("</tr>");
            }

            html.Raw("</tbody></table>");
        }

        html.Raw("<p><a href=\"/dashboard/export/members.csv\">Download the members (CSV)</a></p>");
        return DashboardLayout.Page(context, session, "Members", html.ToString());
    }

    public static async Task<IResult> MemberAsync(HttpContext context, long id, DashboardQueries queries, [FromServices] ICompetencyMap competency)
    {
        var session = DashboardSession.Require(context);
        var summary = await queries.MemberAsync(session.CommunityKey, id, context.RequestAborted);
        if (summary is null)
        {
            // Another community's member looks exactly like one that does not exist.
            return DashboardLayout.Page(context, session, "Member not found", new Html().Element("p", "No such member in this community.").ToString(), StatusCodes.Status404NotFound);
        }

        var map = await competency.ForMemberAsync(session.CommunityKey, summary.Member.UserKey, context.RequestAborted);
        var quizShare = summary.QuizQuestions == 0 ? "—" : Html.Number(100.0 * summary.QuizCorrect / summary.QuizQuestions) + " %";
        var html = new Html().Raw("<div class=\"cards\">");
        html.Card("Questions asked", summary.Questions.ToString(CultureInfo.InvariantCulture));
        html.Card("Quizzes completed", $"{summary.QuizzesCompleted} ({quizShare} correct)");
        html.Card("Mock interviews", summary.InterviewsCompleted.ToString(CultureInfo.InvariantCulture));
        html.Card("Interview average", summary.InterviewAverage is { } average ? Html.Number(average, "0.0") + " / 5" : "—");
        html.Card("Level estimate", summary.LevelEstimate ?? "—");
        html.Card("Challenges", $"{summary.Submissions} submitted, {summary.Wins} won");
        html.Raw("</div>").Element("h2", "Competency by quiz skill")
            .Table(
                ["Skill", "Answered", "Correct", "Share"],
                summary.Skills.Select(s => (IReadOnlyList<string>)
                [
                    s.Skill, s.Answered.ToString(CultureInfo.InvariantCulture), s.Correct.ToString(CultureInfo.InvariantCulture),
                    s.Answered == 0 ? "—" : Html.Number(100.0 * s.Correct / s.Answered) + " %",
                ]),
                "No quiz answers yet.")
            .Element("h2", "Competency map")
            .Element("p", "Quizzes, reviews and graded interview answers per skill, recent answers weighing more; a skill never tried is not 0 %.", "muted")
            .Table(
                ["Skill", "Level", "Answers", "Last answer"],
                map.Skills.Select(s => (IReadOnlyList<string>)
                [
                    s.Title, s.Level is { } level ? Html.Number(100.0 * level) + " %" : "not tried",
                    s.AnswerCount.ToString(CultureInfo.InvariantCulture), s.LastSeen is { } seen ? Html.When(seen) : "—",
                ]),
                "The quiz bank has no skills.")
            .Element("p", "First seen " + Html.When(summary.Member.FirstSeenAt) + ", last seen " + Html.When(summary.Member.LastSeenAt) + ".", "muted");
        return DashboardLayout.Page(context, session, summary.Member.DisplayName, html.ToString());
    }
}
