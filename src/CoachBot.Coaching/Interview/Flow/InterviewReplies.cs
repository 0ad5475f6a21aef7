using System.Globalization;
using System.Text;
using CoachBot.Coaching.Interview.Bank;
using CoachBot.Coaching.Interview.Feedback;
using CoachBot.Coaching.Interview.Scoring;
using CoachBot.Core.Replies;
using CoachBot.Storage.Interview;

namespace CoachBot.Coaching.Interview.Flow;

/// <summary>
/// The interview's messages, platform-neutral Markdown. Everything that belongs to a running interview is placed in the
/// thread (<see cref="ReplyPlacement.Thread"/>) so Discord and Slack keep it together; refusals about commands are ephemeral.
/// </summary>
public static class InterviewReplies
{
    public const string StartHint = "Start one with `/interview [level] [track] [questions]`, e.g. `/interview junior databases 5`.";

    public static Reply Question(InterviewQuestion question, int index, int count, string? intro = null)
    {
        ArgumentNullException.ThrowIfNull(question);
        var text = new StringBuilder();
        if (intro is not null)
        {
            text.AppendLine(intro).AppendLine();
        }

        text.Append("**").Append(question.Question).AppendLine("**").AppendLine();
        if (question.Star is not null)
        {
            text.AppendLine("_Tip: answer with a real example, structured as STAR: Situation, Task, Action, Result._").AppendLine();
        }

        text.Append("_Answer here in your own words, as you would in an interview. `/interview skip` skips this question, `/interview end` finishes early._");
        return new Reply
        {
            Title = Heading(index, count, question),
            Text = text.ToString(),
            Placement = ReplyPlacement.Thread,
        };
    }

    public static Reply Nudge(AnswerVerdict verdict, InterviewQuestion question, int index, int count)
    {
        ArgumentNullException.ThrowIfNull(question);
        var why = verdict switch
        {
            AnswerVerdict.Empty => "I didn't get any text there.",
            AnswerVerdict.TooShort => "That's a bit short to give feedback on: an interviewer would want a few sentences.",
            AnswerVerdict.OffTopic => "That doesn't seem to be about this question, so I haven't scored it.",
            _ => "I couldn't score that.",
        };
        var text = new StringBuilder(why).Append(' ')
            .Append("Give it a try in your own words (what it is, why it matters, an example from your work)")
            .AppendLine(", or use `/interview skip` to move on.")
            .AppendLine()
            .Append("> ").Append(question.Question);
        return new Reply
        {
            Title = Heading(index, count, question),
            Text = text.ToString(),
            Placement = ReplyPlacement.Thread,
        };
    }

    /// <summary>A message (or skip) sent while the previous answer is still being graded: not taken, never graded twice.</summary>
    public static Reply StillGrading(int index, int count) => new()
    {
        Text = string.Create(CultureInfo.InvariantCulture,
            $"I'm still grading your answer to question {index + 1}/{count}, so I didn't take this message as an answer. Your feedback is on its way; wait for it, then carry on."),
        Placement = ReplyPlacement.Thread,
    };

    /// <summary>Said in every offline feedback: the check matches ideas and cannot judge whether they are right.</summary>
    public const string CannotVerify =
        "I matched the ideas in your answer to the rubric's key points; I can't verify that what you said is correct.";

    public static Reply Feedback(AnswerFeedback feedback, int index, int count)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        var text = feedback.IsCoverageOnly ? CoverageText(feedback) : GradeText(feedback);
        text.AppendLine("**A stronger answer would cover**");
        for (var i = 0; i < feedback.ImprovedOutline.Count; i++)
        {
            text.Append((i + 1).ToString(CultureInfo.InvariantCulture)).Append(". ").AppendLine(feedback.ImprovedOutline[i]);
        }

        if (feedback.IsCoverageOnly)
        {
            text.AppendLine().Append("**Check your answer against** the model answer above");
            text.AppendLine(feedback.Sources.Count > 0 ? " and the guide section " + feedback.Sources[0].Display + " (under Sources)." : ".");
        }

        if (feedback.FollowUp is not null)
        {
            text.AppendLine().Append("**A follow-up an interviewer might ask:** ").AppendLine(feedback.FollowUp);
        }

        return new Reply
        {
            Title = string.Create(CultureInfo.InvariantCulture, $"Feedback · Question {index + 1}/{count}"),
            Text = text.ToString().TrimEnd(),
            Sources = feedback.Sources,
            Placement = ReplyPlacement.Thread,
            Footer = feedback.Source switch
            {
                FeedbackSource.Llm => "Graded by the AI model, given the question's rubric and the guide passages cited.",
                _ when feedback.LlmFellBack => "The AI model didn't respond, so this is an offline coverage check of the rubric's key points, not a grade.",
                _ => "Coverage checked offline against the rubric's key points, not a grade of correctness.",
            },
        };
    }

    /// <summary>"3/5 coverage" for offline scores, "3/5" for grades.</summary>
    public static string ScoreLabel(int score, bool coverageOnly) =>
        score.ToString(CultureInfo.InvariantCulture) + "/5" + (coverageOnly ? " coverage" : string.Empty);

    private static StringBuilder GradeText(AnswerFeedback feedback)
    {
        var text = new StringBuilder();
        text.Append("**Score: ").Append(feedback.Score.ToString(CultureInfo.InvariantCulture)).Append("/5** ")
            .AppendLine(Stars(feedback.Score)).AppendLine();
        AppendList(text, "**What was good**", feedback.Strengths);
        AppendList(text, "**What was missing or wrong**", feedback.MissingPoints);
        return text;
    }

    private static StringBuilder CoverageText(AnswerFeedback feedback)
    {
        var coverage = feedback.Coverage;
        var text = new StringBuilder();
        text.Append("**Coverage: ").Append(feedback.Score.ToString(CultureInfo.InvariantCulture)).Append("/5** ").Append(Stars(feedback.Score));
        if (coverage is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $" · covers {coverage.Covered} of {coverage.Total} key points");
        }

        text.AppendLine().AppendLine();
        text.Append(CannotVerify).Append(' ')
            .AppendLine(coverage?.MatchedByMeaning == true
                ? "A sentence counts when it is about a key point, in any words, whether it gets it right or not."
                : "A key point counts when your answer uses its key terms, whether it gets it right or not.");
        if (coverage?.MostlyUnrelated == true)
        {
            text.AppendLine("Most of your answer is about something other than the question, so its coverage was lowered by one.");
        }

        text.AppendLine();
        AppendList(text, "**Key points your answer talks about** (right or wrong: not checked)", feedback.Strengths);
        AppendList(text, "**Key points not found in your answer**", feedback.MissingPoints);
        return text;
    }

    public static Reply Skipped(InterviewQuestion question, int index, int count, IReadOnlyList<Citation> sources)
    {
        ArgumentNullException.ThrowIfNull(question);
        var text = new StringBuilder("Skipped. For next time, a strong answer would cover:").AppendLine();
        var outline = OfflineFeedbackComposer.Outline(question);
        for (var i = 0; i < outline.Count; i++)
        {
            text.Append((i + 1).ToString(CultureInfo.InvariantCulture)).Append(". ").AppendLine(outline[i]);
        }

        return new Reply
        {
            Title = string.Create(CultureInfo.InvariantCulture, $"Skipped · Question {index + 1}/{count}"),
            Text = text.ToString().TrimEnd(),
            Sources = sources,
            Placement = ReplyPlacement.Thread,
        };
    }

    public static Reply Summary(InterviewSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var text = new StringBuilder();
        text.Append(summary.Status switch
        {
            InterviewSessionStatus.Expired => "This interview was closed after sitting idle. ",
            InterviewSessionStatus.Ended => "Interview ended early. ",
            _ => "Interview complete. ",
        });
        text.Append("Level: ").Append(InterviewLevels.Display(summary.Level)).Append(" · Track: ")
            .AppendLine(InterviewTracks.Display(summary.Track)).AppendLine();

        text.AppendLine(summary.CoverageOnly ? "**Coverage of the key points** (offline: ideas matched, not checked for correctness)" : "**Scores**");
        foreach (var line in summary.Lines)
        {
            var outcome = line.Skipped ? "skipped" : line.Score is { } score ? ScoreLabel(score, line.CoverageOnly) : "not reached";
            text.Append(line.Number.ToString(CultureInfo.InvariantCulture)).Append(". ").Append(outcome).Append(" · ").AppendLine(Shorten(line.Question, 90));
        }

        text.AppendLine();
        if (summary.AverageScore is { } average && summary.EstimatedLevel is { } estimate)
        {
            if (summary.CoverageOnly)
            {
                text.Append("**Overall coverage:** ").Append(average.ToString("0.0", CultureInfo.InvariantCulture)).Append("/5 · ")
                    .AppendLine(CoverageLevelSentence(estimate)).AppendLine();
            }
            else
            {
                text.Append("**Overall:** ").Append(average.ToString("0.0", CultureInfo.InvariantCulture)).Append("/5");
                if (summary.CoverageAnswers > 0)
                {
                    text.Append(CultureInfo.InvariantCulture, $" ({summary.CoverageAnswers} of the scores measure coverage only)");
                }

                text.Append(" · ").AppendLine(LevelSentence(summary.Level, estimate, average)).AppendLine();
            }
        }
        else
        {
            text.AppendLine("**Overall:** no answers were scored, so there's no level estimate this time.").AppendLine();
        }

        AppendList(text, summary.CoverageOnly ? "**Key points your answers talked about**" : "**Top strengths**", summary.Strengths);
        AppendList(text, "**Gaps to work on**", summary.Gaps);
        if (summary.Sources.Count > 0)
        {
            text.AppendLine("**Read next:** the guide sections listed under Sources.");
        }

        if (summary.SuggestedQuiz is not null)
        {
            text.Append("**Practise next:** `").Append(summary.SuggestedQuiz).AppendLine("`");
        }

        text.Append("Run `/interview` again any time for a new set of questions.");
        return new Reply
        {
            Title = "Mock interview summary",
            Text = text.ToString().TrimEnd(),
            Sources = summary.Sources,
            Placement = ReplyPlacement.Thread,
        };
    }

    public static Reply AlreadyRunning(InterviewQuestion? current, int index, int count)
    {
        var text = new StringBuilder("You already have a mock interview running here. Answer the current question, or use `/interview skip` or `/interview end`.");
        if (current is not null)
        {
            text.AppendLine().AppendLine().Append("> ").Append(current.Question);
        }

        return new Reply
        {
            Title = current is null ? "Mock interview" : Heading(index, count, current),
            Text = text.ToString(),
            Placement = ReplyPlacement.Thread,
        };
    }

    public static Reply NoInterview() => Reply.Ephemeral("You don't have a mock interview running here. " + StartHint);

    public static Reply Expired(int idleMinutes) => new()
    {
        Title = "Mock interview",
        Text = string.Create(CultureInfo.InvariantCulture, $"Your mock interview here timed out after {idleMinutes} minutes without an answer, so I closed it. ") + StartHint,
        Placement = ReplyPlacement.Thread,
    };

    private static string Heading(int index, int count, InterviewQuestion question) =>
        string.Create(CultureInfo.InvariantCulture, $"Mock interview · Question {index + 1}/{count} · {InterviewTracks.Display(question.Track)} ({InterviewLevels.Display(question.Level)})");

    private static string LevelSentence(InterviewLevel asked, InterviewLevel estimate, double average)
    {
        var level = InterviewLevels.Display(estimate);
        return estimate.CompareTo(asked) switch
        {
            > 0 => $"strong answers for {InterviewLevels.Display(asked)}; you could try {level} questions next.",
            0 when average < 3.0 => $"still short of the {level} bar on these topics; the gaps below are where to focus.",
            0 => $"your answers fit the {level} level you chose.",
            _ => $"your answers are closer to {level} than {InterviewLevels.Display(asked)} on these topics; the gaps below are where to focus.",
        };
    }

    private static string CoverageLevelSentence(InterviewLevel estimate) =>
        $"by how many key points your answers covered, closest to {InterviewLevels.Display(estimate)}. Coverage doesn't check that the answers are right: compare them with the guide sections under Sources.";

    private static void AppendList(StringBuilder text, string heading, IReadOnlyList<string> items)
    {
        if (items.Count == 0)
        {
            return;
        }

        text.AppendLine(heading);
        foreach (var item in items)
        {
            text.Append("- ").AppendLine(item);
        }

        text.AppendLine();
    }

    private static string Stars(int score) => new string('★', score) + new string('☆', 5 - score);

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";
}
