using CoachBot.Coaching.Interview.Bank;
using CoachBot.Coaching.Interview.Feedback;
using CoachBot.Core.Replies;
using CoachBot.Storage.Interview;

namespace CoachBot.Coaching.Interview.Flow;

/// <summary>Builds the <see cref="InterviewSummary"/> of a (finished or ending) interview from its stored answers.</summary>
public sealed class InterviewSummaryBuilder(InterviewBank bank, InterviewTopicSources sources, QuizSuggester quizzes)
{
    public const int MaxStrengths = 3;
    public const int MaxGaps = 4;
    public const int MaxSources = 4;

    public InterviewSummary Build(InterviewSessionRecord session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var level = InterviewLevels.ParseOrDefault(session.Level, InterviewLevel.Junior);
        var ids = session.QuestionIdList();
        var answers = session.Answers.ToDictionary(a => a.QuestionIndex);
        var lines = new List<InterviewSummaryLine>();
        for (var i = 0; i < ids.Count; i++)
        {
            var text = bank.Find(ids[i])?.Question ?? ids[i];
            answers.TryGetValue(i, out var answer);
            lines.Add(new InterviewSummaryLine(i + 1, text, answer?.Score, answer?.Outcome == InterviewAnswerOutcome.Skipped, answer is not null && IsCoverage(answer)));
        }

        var scored = session.Answers.Where(a => a is { Outcome: InterviewAnswerOutcome.Scored, Score: not null }).ToList();
        double? average = scored.Count == 0 ? null : Math.Round(scored.Average(a => a.Score!.Value), 2);
        InterviewLevel? estimate = average is { } avg ? InterviewLevelEstimator.Estimate(level, avg) : null;

        var coverageAnswers = scored.Count(IsCoverage);
        var coverageOnly = scored.Count > 0 && coverageAnswers == scored.Count;

        // Offline answers list the key points they talked about, which is not a strength: shown as such only when every
        // answer was checked offline, otherwise only the model's strengths are.
        var strengths = scored
            .Where(a => coverageOnly || !IsCoverage(a))
            .OrderByDescending(a => a.Score)
            .ThenBy(a => a.QuestionIndex)
            .SelectMany(a => SplitLines(a.Strengths).Take(2))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Take(MaxStrengths)
            .ToList();

        var weakest = session.Answers
            .OrderBy(a => a.Outcome == InterviewAnswerOutcome.Skipped ? 0 : a.Score ?? 0)
            .ThenBy(a => a.QuestionIndex)
            .ToList();
        var gaps = new List<string>();
        foreach (var answer in weakest)
        {
            if (answer.Outcome == InterviewAnswerOutcome.Skipped)
            {
                gaps.Add("Skipped: " + (bank.Find(answer.QuestionId)?.Question ?? answer.QuestionId));
            }
            else
            {
                gaps.AddRange(SplitLines(answer.MissingPoints).Take(2));
            }
        }

        // Read first what went worst; the sections of well-answered questions only if nothing went badly. Coverage
        // is not correctness, so a high offline score still sends the member to the guide to check the facts.
        var toRead = weakest.Where(a => a.Outcome == InterviewAnswerOutcome.Skipped || a.Score <= 3 || IsCoverage(a)).ToList();
        if (toRead.Count == 0)
        {
            toRead = weakest;
        }

        var citations = new List<Citation>();
        foreach (var answer in toRead)
        {
            if (bank.Find(answer.QuestionId) is { } question && sources.ReferenceCitation(question) is { } citation && !citations.Contains(citation))
            {
                citations.Add(citation);
            }
        }

        var weakestTrack = toRead.Select(a => bank.Find(a.QuestionId)?.Track).FirstOrDefault(t => t is not null)
            ?? (InterviewTracks.IsBankTrack(session.Track) ? session.Track : null);
        var quiz = weakestTrack is null ? null : quizzes.Suggest(weakestTrack);

        return new InterviewSummary(
            level,
            session.Track,
            session.Status,
            lines,
            average,
            estimate,
            strengths,
            gaps.Distinct(StringComparer.OrdinalIgnoreCase).Take(MaxGaps).ToList(),
            citations.Take(MaxSources).ToList(),
            quiz)
        {
            CoverageAnswers = coverageAnswers,
            CoverageOnly = coverageOnly,
        };
    }

    /// <summary>Scored offline: the score is coverage of the rubric's key points.</summary>
    public static bool IsCoverage(InterviewAnswerRecord answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return answer.Outcome == InterviewAnswerOutcome.Scored && answer.FeedbackSource != "llm";
    }

    private static string[] SplitLines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
