using System.Globalization;
using System.Text;
using CoachBot.Coaching.Quiz.Bank;
using CoachBot.Core.Replies;
using CoachBot.Core.Replies.Formatting;
using CoachBot.Knowledge.Guides;
using CoachBot.Storage.Quiz;
using Microsoft.Extensions.Options;

namespace CoachBot.Coaching.Quiz;

/// <summary>Turns quiz state into platform-neutral replies (adapters render the buttons natively, or as numbered options).</summary>
public sealed class QuizReplies(GuideCatalog catalog, IOptions<QuizOptions> options)
{
    public const string AbandonLabel = "Abandon and start new";
    public const string KeepLabel = "Keep current";

    public Reply Question(QuizSession session, QuizSkill skill, QuizQuestion question, int index, string? footer = null) => new()
    {
        Title = QuestionTitle(index, session.QuestionCount),
        Text = QuestionText(skill, question),
        Buttons = AnswerButtons(session.Id, index, question),
        Footer = footer ?? $"Click an answer. The quiz expires after {options.Value.IdleTimeoutMinutes} minutes without an answer.",
    };

    /// <summary>The reply to a recorded answer: right or wrong, why, where to read, then the next question (or the score).</summary>
    public Reply AfterAnswer(
        QuizSession session, QuizSkill skill, QuizQuestion answered, int chosen, QuizQuestion? next, IReadOnlyList<QuizAnswer> answers)
    {
        var text = new StringBuilder(Feedback(answered, chosen));
        var sources = new List<Citation>();
        AddCitation(sources, answered.Reference);
        if (next is not null)
        {
            text.Append("\n\n---\n\n").Append(QuestionText(skill, next));
            return new Reply
            {
                Title = QuestionTitle(session.CurrentIndex, session.QuestionCount),
                Text = text.ToString(),
                Sources = sources,
                Buttons = AnswerButtons(session.Id, session.CurrentIndex, next),
                Placement = ReplyPlacement.UpdateSource,
                Footer = $"Question {session.CurrentIndex + 1} of {session.QuestionCount} · score so far {session.CorrectCount}/{session.CurrentIndex}",
            };
        }

        text.Append("\n\n---\n\n").Append(Summary(session, skill, answers, sources));
        return new Reply
        {
            Title = "Quiz · Finished",
            Text = text.ToString(),
            Sources = sources,
            Placement = ReplyPlacement.UpdateSource,
            Footer = "Type /progress to see how you stand on every skill, or /leaderboard for the community.",
        };
    }

    public const string SurpriseLabel = "🎲 Surprise me";
    public const string WeakestLabel = "📉 My weakest skill";

    /// <summary>
    /// The skill picker: one button per skill, labelled with its title, plus "surprise me" and "my weakest skill", for
    /// the caller only. The count and difficulty given with the command ride along in the button ids.
    /// </summary>
    public static Reply SkillPicker(IReadOnlyList<QuizSkill> skills, string? typed, int? count, string? difficulty, string ownerTag)
    {
        ArgumentNullException.ThrowIfNull(skills);
        var text = new StringBuilder();
        if (!string.IsNullOrWhiteSpace(typed))
        {
            text.Append("I don't have a quiz on `").Append(Clip(typed)).Append("`. ");
        }

        text.Append("Which skill would you like to practise? Pick one, or let me choose.")
            .Append("\n\nTyping works too: `/quiz databases 5 medium` (3 to 10 questions; easy, medium or hard, mixed if left out).");
        var buttons = skills
            .Select(s => new ReplyButton(QuizButtons.Pick(s.Id, count, difficulty, ownerTag), Label(s.Title)))
            .Append(new ReplyButton(QuizButtons.Pick(QuizButtons.Surprise, count, difficulty, ownerTag), SurpriseLabel, ButtonStyle.Primary))
            .Append(new ReplyButton(QuizButtons.Pick(QuizButtons.Weakest, count, difficulty, ownerTag), WeakestLabel, ButtonStyle.Primary))
            .ToList();
        return new Reply { Title = "Pick a quiz", Text = text.ToString(), Buttons = buttons, Visibility = ReplyVisibility.Ephemeral };
    }

    /// <summary>Replaces the picker once a choice was made, so its buttons can't start a second quiz.</summary>
    public static Reply PickerClosed(QuizSkill skill, string? note) => new()
    {
        Text = $"Starting a quiz on **{skill.Title}**." + (note is null ? string.Empty : " " + note),
        Visibility = ReplyVisibility.Ephemeral,
        Placement = ReplyPlacement.UpdateSource,
    };

    private static string Label(string title) =>
        title.Length <= ReplyButton.MaxLabelLength ? title : title[..(ReplyButton.MaxLabelLength - 1)] + "…";

    public static Reply AbandonPrompt(QuizSession active, QuizSkill? activeSkill, QuizSkill wanted, int count, string? difficulty) => new()
    {
        Title = "You already have a quiz here",
        Text = string.Create(
            CultureInfo.InvariantCulture,
            $"You're on question {Math.Min(active.CurrentIndex + 1, active.QuestionCount)}/{active.QuestionCount} of a quiz on **{activeSkill?.Title ?? active.Skill}** in this conversation. Abandon it and start **{wanted.Title}**, or keep going?"),
        Buttons =
        [
            new ReplyButton(QuizButtons.AbandonAndStart(active.Id, wanted.Id, count, difficulty), AbandonLabel, ButtonStyle.Danger),
            new ReplyButton(QuizButtons.Keep(active.Id), KeepLabel, ButtonStyle.Primary),
        ],
        Visibility = ReplyVisibility.Ephemeral,
    };

    public static Reply Refusal(string text) => Reply.Ephemeral(text);

    public string Summary(QuizSession session, QuizSkill skill, IReadOnlyList<QuizAnswer> answers, List<Citation> sources)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(skill);
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(sources);
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"**Score: {session.CorrectCount}/{session.QuestionCount} ({PercentFormat.Of(session.CorrectCount, session.QuestionCount)})** on {skill.Title}.");
        var missed = answers.Where(a => !a.IsCorrect).Select(a => a.Reference).Distinct(StringComparer.Ordinal).ToList();
        if (missed.Count == 0)
        {
            text.Append("\n\nA perfect round. ")
                .Append(session.Difficulty == QuizDifficulty.Hard
                    ? "Try another skill next: `/quiz` lists them."
                    : $"Ready for more? Try `/quiz {skill.Id} {session.QuestionCount} hard`.");
            return text.ToString();
        }

        text.Append("\n\n**What to study next:**");
        foreach (var reference in missed)
        {
            var section = catalog.FindSection(reference);
            if (section is null)
            {
                continue;
            }

            var citation = section.ToCitation();
            text.Append("\n- ").Append(citation.Display);
            if (!sources.Contains(citation))
            {
                sources.Add(citation);
            }
        }

        text.Append(CultureInfo.InvariantCulture, $"\n\nThen try `/quiz {skill.Id}` again.");
        return text.ToString();
    }

    /// <summary>Right or wrong, the right answer and the explanation (also used by <c>/review</c>).</summary>
    internal static string Feedback(QuizQuestion question, int chosen)
    {
        var right = chosen == question.CorrectIndex;
        var text = new StringBuilder();
        if (right)
        {
            text.Append("✅ **Right!** ").Append(QuizQuestion.Letter(chosen)).Append(". ").Append(question.CorrectOption);
        }
        else
        {
            text.Append("❌ **Not quite.** You chose ").Append(QuizQuestion.Letter(chosen)).Append(". ").Append(question.Options[chosen])
                .Append("; the answer is **").Append(QuizQuestion.Letter(question.CorrectIndex)).Append(". ")
                .Append(question.CorrectOption).Append("**.");
        }

        return text.Append("\n\n").Append(question.Explanation).ToString();
    }

    internal static string QuestionText(QuizSkill skill, QuizQuestion question) =>
        $"**{skill.Title}** · {question.Difficulty}\n\n{question.Text}";

    private static string QuestionTitle(int index, int count) =>
        string.Create(CultureInfo.InvariantCulture, $"Quiz · Question {index + 1}/{count}");

    private static List<ReplyButton> AnswerButtons(string sessionId, int index, QuizQuestion question) =>
        OptionButtons(question, i => QuizButtons.Answer(sessionId, index, i));

    /// <summary>One button per option, "A. …" to "D. …", with the id <paramref name="idOf"/> gives the option index (also used by <c>/review</c>).</summary>
    internal static List<ReplyButton> OptionButtons(QuizQuestion question, Func<int, string> idOf) =>
        question.Options
            .Select((option, i) => new ReplyButton(idOf(i), $"{QuizQuestion.Letter(i)}. {option}"))
            .ToList();

    private void AddCitation(List<Citation> sources, string reference)
    {
        if (catalog.FindSection(reference) is { } section)
        {
            sources.Add(section.ToCitation());
        }
    }

    private static string Clip(string text)
    {
        var clean = text.Replace('`', '\'');
        return clean.Length <= 40 ? clean : clean[..40] + "…";
    }
}
