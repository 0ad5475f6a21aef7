using System.Globalization;
using System.Text;
using CoachBot.Coaching.Competency;
using CoachBot.Coaching.Quiz.Bank;
using CoachBot.Core.Conversations;
using CoachBot.Core.Replies;
using CoachBot.Core.Replies.Formatting;
using CoachBot.Knowledge.Guides;
using CoachBot.Storage.Community;
using CoachBot.Storage.Quiz;

namespace CoachBot.Coaching.Progress;

/// <summary>Builds <c>/progress</c> (one person, every skill) and <c>/leaderboard</c> (one community) from recorded answers.</summary>
public sealed class ProgressService(
    IQuizStore store,
    ICommunityMemberStore members,
    QuizBank bank,
    GuideCatalog catalog,
    IEnumerable<IProgressContributor> contributors,
    ICompetencyMap competencies,
    TimeProvider time)
{
    public const int LeaderboardSize = 10;
    private const int SectionsToRead = 3;

    public async Task<Reply> ProgressAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var user = context.User.Key;
        var now = time.GetUtcNow();
        var skills = await store.SkillProgressAsync(user, cancellationToken);
        var text = new StringBuilder();
        var sources = new List<Citation>();
        var attachments = new List<ReplyAttachment>();
        var map = await competencies.ForMemberAsync(context.Conversation.CommunityKey, user, cancellationToken);
        if (skills.Count == 0 && map.IsEmpty)
        {
            text.Append("You haven't answered any quiz questions yet. Start with `/quiz databases` (or `/quiz` for the list of skills).");
        }
        else if (skills.Count > 0)
        {
            var completed = await store.CompletedQuizCountAsync(user, cancellationToken);
            var times = await store.AnswerTimesAsync(user, now.AddDays(-400), cancellationToken);
            var streak = StreakCalculator.Days(times, now);
            var answered = skills.Sum(s => s.Answered);
            var correct = skills.Sum(s => s.Correct);
            text.Append(CultureInfo.InvariantCulture,
                    $"**Quizzes completed:** {completed} · **Questions answered:** {answered} · **Accuracy:** {Percent(correct, answered)} · **Streak:** {streak} day{(streak == 1 ? "" : "s")}")
                .Append("\n\n**Per skill**");
            foreach (var skill in skills.OrderBy(s => s.Accuracy).ThenByDescending(s => s.Answered))
            {
                text.Append(CultureInfo.InvariantCulture,
                    $"\n- **{TitleOf(skill.Skill)}**: {skill.Answered} answered, {Percent(skill.Correct, skill.Answered)} right, last practised {skill.LastPractisedAt.UtcDateTime:yyyy-MM-dd}");
            }

            var weakest = skills.OrderBy(s => s.Accuracy).ThenByDescending(s => s.Answered).ThenBy(s => s.Skill, StringComparer.Ordinal).First();
            await AppendWeakestAsync(text, sources, user, weakest, cancellationToken);
            var untried = bank.Skills.Where(b => skills.All(s => s.Skill != b.Id)).Select(b => $"`{b.Id}`").ToList();
            if (untried.Count > 0)
            {
                text.Append("\n\nNot tried yet: ").AppendJoin(", ", untried).Append('.');
            }
        }

        if (!map.IsEmpty)
        {
            // The figures always go in the text (screen readers); the chart repeats them as a picture.
            text.Append(text.Length == 0 ? "" : "\n\n").Append(CompetencyReport.Text(map));
            attachments.Add(CompetencyReport.Chart(map));
        }

        foreach (var contributor in contributors.OrderBy(c => c.Order))
        {
            if (await contributor.DescribeAsync(context, cancellationToken) is { Length: > 0 } section)
            {
                text.Append("\n\n").Append(section);
            }
        }

        return new Reply
        {
            Title = "Your progress",
            Text = text.ToString(),
            Sources = sources,
            Attachments = attachments,
            Visibility = ReplyVisibility.Ephemeral,
        };
    }

    public async Task<Reply> LeaderboardAsync(CommandContext context, bool allTime, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var community = context.Conversation.CommunityKey;
        DateTimeOffset? since = allTime ? null : time.GetUtcNow().AddDays(-7);
        var all = await store.LeaderboardAsync(community, since, int.MaxValue, cancellationToken);
        var period = allTime ? "all time" : "last 7 days";
        if (all.Count == 0)
        {
            return new Reply
            {
                Title = $"Leaderboard · {period}",
                Text = allTime
                    ? "Nobody here has answered a quiz question yet. Be the first: `/quiz databases`."
                    : "Nobody here has answered a quiz question in the last 7 days. Be the first: `/quiz databases` (or see `/leaderboard all`).",
            };
        }

        var top = all.Take(LeaderboardSize).ToList();
        var names = await members.DisplayNamesAsync(community, all.Select(e => e.UserKey).ToList(), cancellationToken);
        var text = new StringBuilder("Ranked by correct answers, then accuracy, then who got there first.\n");
        for (var i = 0; i < top.Count; i++)
        {
            AppendEntry(text, i + 1, top[i], names, context.User.Key);
        }

        var mine = all.Select((entry, index) => (entry, index)).FirstOrDefault(x => x.entry.UserKey == context.User.Key);
        if (mine.entry is not null && mine.index >= LeaderboardSize)
        {
            text.Append("\n…");
            AppendEntry(text, mine.index + 1, mine.entry, names, context.User.Key);
        }

        return new Reply { Title = $"Leaderboard · {period}", Text = text.ToString() };
    }

    private async Task AppendWeakestAsync(StringBuilder text, List<Citation> sources, string user, SkillProgress weakest, CancellationToken cancellationToken)
    {
        var skill = bank.FindSkill(weakest.Skill);
        if (weakest.Correct == weakest.Answered)
        {
            text.Append("\n\n**No weak spot yet:** every answer so far was right. Try a harder round, e.g. `/quiz ")
                .Append(skill?.Id ?? weakest.Skill).Append(" 5 hard`, or a skill you haven't tried.");
            return;
        }

        text.Append(CultureInfo.InvariantCulture,
            $"\n\n**Weakest skill:** {TitleOf(weakest.Skill)} ({Percent(weakest.Correct, weakest.Answered)} right).");
        var missed = await store.MissedSectionsAsync(user, weakest.Skill, SectionsToRead, cancellationToken);
        var references = missed.Select(m => m.Reference)
            .Concat(skill?.References ?? [])
            .Distinct(StringComparer.Ordinal)
            .Take(SectionsToRead);
        var reading = new List<Citation>();
        foreach (var reference in references)
        {
            if (catalog.FindSection(reference) is { } section)
            {
                reading.Add(section.ToCitation());
            }
        }

        if (reading.Count > 0)
        {
            text.Append(" Read:");
            foreach (var citation in reading)
            {
                text.Append("\n- ").Append(citation.Display);
                sources.Add(citation);
            }
        }

        text.Append("\nThen try `/quiz ").Append(skill?.Id ?? weakest.Skill).Append(" 5`.");
    }

    private static void AppendEntry(StringBuilder text, int rank, LeaderboardEntry entry, IReadOnlyDictionary<string, string> names, string caller)
    {
        // Display names only, cleaned again on the way out: never a mention, never Markdown that escapes the line.
        var name = SafeDisplayName.From(names.GetValueOrDefault(entry.UserKey));
        text.Append(CultureInfo.InvariantCulture,
            $"\n{rank}. {name}: {entry.Correct} correct of {entry.Answered} ({Percent(entry.Correct, entry.Answered)}), {entry.QuizzesCompleted} quiz{(entry.QuizzesCompleted == 1 ? "" : "zes")}");
        if (entry.UserKey == caller)
        {
            text.Append(" ← you");
        }
    }

    private string TitleOf(string skillId) => bank.FindSkill(skillId)?.Title ?? skillId;

    private static string Percent(int part, int whole) => PercentFormat.Of(part, whole);
}
