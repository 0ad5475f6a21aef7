using CoachBot.Coaching.Quiz.Bank;
using CoachBot.Core.Commands;
using CoachBot.Core.Dispatch;
using CoachBot.Core.Replies;

namespace CoachBot.Coaching.Quiz;

/// <summary><c>/quiz [skill] [questions] [difficulty]</c>: a multiple-choice quiz, one question at a time with answer buttons.</summary>
public sealed class QuizCommand(QuizService quizzes, QuizBank bank) : ICommandHandler
{
    public const string SkillOption = "skill";
    public const string QuestionsOption = "questions";
    public const string DifficultyOption = "difficulty";

    public CommandDefinition Definition { get; } = new("quiz", "Take a multiple-choice quiz on a backend skill")
    {
        Options =
        [
            // Free text, not choices: people type aliases ("sql", "git"); an unknown skill gets the list of skills.
            new CommandOption(SkillOption, "The skill, e.g. databases, security, apis (leave empty for the list)") { MaxLength = 60 },
            new CommandOption(QuestionsOption, "How many questions (3 to 10, default 5)", CommandOptionType.Number)
            {
                MinValue = QuizOptions.MinQuestions,
                MaxValue = QuizOptions.MaxQuestions,
            },
            new CommandOption(DifficultyOption, "easy, medium or hard (mixed if left out)")
            {
                Choices = QuizDifficulty.All.Select(d => new OptionChoice(d, d)).ToList(),
            },
        ],
        Examples = ["/quiz databases", "/quiz sql 10 hard", "/quiz security 5 easy"],
    };

    /// <summary>No skill, or one the bank doesn't know: the answer is the skill picker, for the caller only.</summary>
    public ReplyVisibility FirstReplyVisibility(CommandRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return bank.FindSkill(request.Option(SkillOption)) is null ? ReplyVisibility.Ephemeral : ReplyVisibility.Public;
    }

    public Task<IReadOnlyList<Reply>> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var questionsText = request.Option(QuestionsOption);
        var questions = request.IntOption(QuestionsOption);
        if (questionsText is not null && questions is null)
        {
            return Task.FromResult(Reply.One(Reply.Ephemeral("`questions` must be a whole number from 3 to 10, e.g. `/quiz databases 5`.")));
        }

        return quizzes.StartAsync(request.Context, request.Option(SkillOption), questions, request.Option(DifficultyOption), cancellationToken);
    }
}
