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

    public static Reply Feedback(AnswerFeedback feedback, int index, int count)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        var text = new StringBuilder();
        text.Append("**Score: ").Append(feedback.Score.ToString(CultureInfo.InvariantCulture)).Append("/5** ")
            .AppendLine(Stars(feedback.Score)).AppendLine();
        if (feedback.Strengths.Count > 0)
        {
            text.AppendLine("**What was good**");
            foreach (var strength in feedback.Strengths)
            {
                text.Append("- ").AppendLine(strength);
            }

            text.AppendLine();
        }

        if (feedback.MissingPoints.Count > 0)
        {
            text.AppendLine("**What was missing**");
            foreach (var missing in feedback.MissingPoints)
            {
                text.Append("- ").AppendLine(missing);
            }

            text.AppendLine();
        }

        text.AppendLine("**A stronger answer would cover**");
        for (var i = 0; i < feedback.ImprovedOutline.Count; i++)
        {
            text.Append((i + 1).ToString(CultureInfo.InvariantCulture)).Append(". ").AppendLine(feedback.ImprovedOutline[i]);
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
                FeedbackSource.Llm => "Feedback by the AI model, given the question's rubric and the guide passages cited.",
                _ when feedback.LlmFellBack => "The AI model didn't respond, so this was scored offline by checking the rubric's key points.",
                _ => "Scored offline by checking which of the rubric's key points the answer covers.",
            },
        };
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

        text.AppendLine("**Scores**");
        foreach (var line in summary.Lines)
        {
            var outcome = line.Skipped ? "skipped" : line.Score is { } score ? score.ToString(CultureInfo.InvariantCulture) + "/5" : "not reached";
            text.Append(line.Number.ToString(CultureInfo.InvariantCulture)).Append(". ").Append(outcome).Append(" · ").AppendLine(Shorten(line.Question, 90));
        }

        text.AppendLine();
        if (summary.AverageScore is { } average && summary.EstimatedLevel is { } estimate)
        {
            text.Append("**Overall:** ").Append(average.ToString("0.0", CultureInfo.InvariantCulture)).Append("/5 · ")
                .AppendLine(LevelSentence(summary.Level, estimate, average)).AppendLine();
        }
        else
        {
            text.AppendLine("**Overall:** no answers were scored, so there's no level estimate this time.").AppendLine();
        }

        AppendList(text, "**Top strengths**", summary.Strengths);
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
