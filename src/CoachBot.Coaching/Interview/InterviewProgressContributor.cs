using System.Globalization;
using System.Text;
using CoachBot.Coaching.Interview.Flow;
using CoachBot.Coaching.Progress;
using CoachBot.Core.Conversations;
using CoachBot.Storage.Interview;

namespace CoachBot.Coaching.Interview;

/// <summary>
/// Adds the person's finished mock interviews (score and level estimate of the latest few) to <c>/progress</c>. Scores
/// from the offline check are labelled coverage.
/// </summary>
public sealed class InterviewProgressContributor(IInterviewStore store) : IProgressContributor
{
    private const int Shown = 3;

    public int Order => 100;

    public async Task<string?> DescribeAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var finished = await store.FinishedForUserAsync(context.User.Key, 20, cancellationToken);
        var scored = finished.Where(s => s.AverageScore is not null).ToList();
        if (finished.Count == 0)
        {
            return "**Mock interviews:** none yet. Try `/interview junior databases`.";
        }

        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"**Mock interviews:** {finished.Count} finished");
        if (scored.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $", average {scored.Average(s => s.AverageScore!.Value):0.0}/5").Append(CoverageNote(scored));
        }

        text.AppendLine();
        foreach (var session in finished.OrderByDescending(s => s.EndedAt ?? s.StartedAt).Take(Shown))
        {
            text.Append(CultureInfo.InvariantCulture, $"- {session.Level} {session.Track}, {(session.EndedAt ?? session.StartedAt):yyyy-MM-dd}");
            if (session.AverageScore is { } average)
            {
                text.Append(CultureInfo.InvariantCulture, $": {average:0.0}/5").Append(CoverageNote([session]));
            }

            if (!string.IsNullOrWhiteSpace(session.LevelEstimate))
            {
                text.Append(" (level estimate: ").Append(session.LevelEstimate).Append(')');
            }

            if (session.Status != InterviewSessionStatus.Completed)
            {
                text.Append(" · ").Append(session.Status.ToString().ToLowerInvariant());
            }

            text.AppendLine();
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>Offline scores measure coverage of the key points, not correctness: say so next to the figure.</summary>
    private static string CoverageNote(IReadOnlyList<InterviewSessionRecord> sessions)
    {
        var scored = sessions.SelectMany(s => s.Answers).Where(a => a is { Outcome: InterviewAnswerOutcome.Scored, Score: not null }).ToList();
        var coverage = scored.Count(InterviewSummaryBuilder.IsCoverage);
        return coverage == 0 ? string.Empty : coverage == scored.Count ? " coverage" : " (partly coverage)";
    }
}
