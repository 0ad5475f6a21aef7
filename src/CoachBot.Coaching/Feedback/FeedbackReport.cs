using System.Globalization;
using System.Text;
using CoachBot.Core.Conversations;
using CoachBot.Core.Replies;
using CoachBot.Core.Replies.Formatting;
using CoachBot.Core.Safety;
using CoachBot.Storage.Feedback;
using Microsoft.Extensions.Options;

namespace CoachBot.Coaching.Feedback;

/// <summary>
/// <c>/feedback report</c> for moderators: votes in the community over the vote window, the approval rate, and the most
/// down-voted questions with the guide sections their answers cited and the notes members left, so moderators know
/// which sections to improve. The same question asked several times is listed once with its votes added up.
/// </summary>
public sealed class FeedbackReport(IAnswerFeedbackStore store, IOptions<FeedbackOptions> options, TimeProvider time)
{
    /// <summary>Fetched per listed question, so repeats of one question still leave room for others.</summary>
    private const int FetchFactor = 4;

    private const int NoteLength = 200;

    public async Task<Reply> BuildAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = options.Value;
        var since = time.GetUtcNow() - settings.VoteWindow;
        var community = context.Conversation.CommunityKey;
        var totals = await store.TotalsAsync(community, since, cancellationToken);
        var text = new StringBuilder();
        var days = settings.VoteWindowDays.ToString(CultureInfo.InvariantCulture);
        if (totals.Total == 0)
        {
            return Reply.Ephemeral($"**Answer feedback, last {days} days**\nNo votes yet. Members rate answers with 👍 / 👎 under each answer.");
        }

        text.Append("**Answer feedback, last ").Append(days).Append(" days**\n")
            .Append("👍 ").Append(totals.Up).Append(" · 👎 ").Append(totals.Down)
            .Append(" · approval ").Append(PercentFormat.Of(totals.Up, totals.Total))
            .Append(" of ").Append(totals.Total).Append(totals.Total == 1 ? " vote" : " votes");
        var worst = Group(await store.MostDownVotedAsync(community, since, settings.ReportTop * FetchFactor, cancellationToken))
            .Take(settings.ReportTop)
            .ToList();
        if (worst.Count > 0)
        {
            text.Append("\n\n**Most down-voted questions**");
            for (var i = 0; i < worst.Count; i++)
            {
                AppendQuestion(text, i + 1, worst[i]);
            }
        }

        return Reply.Ephemeral(text.ToString());
    }

    /// <summary>Answers to the same question (case and spacing aside) as one entry, most 👎 first.</summary>
    public static IEnumerable<DownVotedQuestion> Group(IEnumerable<DownVotedAnswer> answers) =>
        answers
            .GroupBy(a => Normalize(a.Answer.Question), StringComparer.Ordinal)
            .Select(g => new DownVotedQuestion(
                g.First().Answer.Question,
                g.Sum(a => a.Down),
                g.Sum(a => a.Up),
                g.SelectMany(a => a.Answer.Sources.Split('\n', StringSplitOptions.RemoveEmptyEntries)).Distinct(StringComparer.Ordinal).ToList(),
                g.SelectMany(a => a.Answer.SourceGuides.Split('\n', StringSplitOptions.RemoveEmptyEntries)).Distinct(StringComparer.Ordinal).ToList(),
                g.Count(a => a.Answer.Offline),
                g.Count(),
                g.SelectMany(a => a.Comments).ToList()))
            .OrderByDescending(q => q.Down)
            .ThenBy(q => q.Up);

    private static void AppendQuestion(StringBuilder text, int rank, DownVotedQuestion question)
    {
        text.Append("\n\n").Append(rank).Append(". “").Append(Quote(question.Question, 300)).Append("”  👎 ")
            .Append(question.Down).Append(" · 👍 ").Append(question.Up);
        if (question.Offline > 0)
        {
            text.Append(question.Offline == question.Answers ? " · answered offline" : " · partly answered offline");
        }

        text.Append("\n   Sources: ")
            .Append(question.Sources.Count == 0 ? "none cited" : string.Join("; ", question.Sources.Select(s => Quote(s, 150))));
        foreach (var note in question.Notes.Take(2))
        {
            text.Append("\n   Note: “").Append(Quote(note, NoteLength)).Append('”');
        }
    }

    /// <summary>Member text inside the report: one line, no Markdown that could break out of the quote.</summary>
    private static string Quote(string text, int max) =>
        InputText.Truncate(InputText.Clean(text).Replace('\n', ' ').Replace('*', ' ').Replace('`', '\'').Replace('_', ' '), max);

    private static string Normalize(string question) =>
        string.Join(' ', question.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries)).TrimEnd('?', '!', '.', ' ');
}
