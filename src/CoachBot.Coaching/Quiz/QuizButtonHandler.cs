using CoachBot.Core.Commands;
using CoachBot.Core.Dispatch;
using CoachBot.Core.Replies;
using CoachBot.Storage.Quiz;

namespace CoachBot.Coaching.Quiz;

/// <summary>Clicks on quiz buttons: answers, and the abandon-or-keep prompt. Malformed ids get a clean refusal.</summary>
public sealed class QuizButtonHandler(QuizService quizzes) : IButtonHandler
{
    public string Feature => QuizButtons.Feature;

    public Task<IReadOnlyList<Reply>> HandleAsync(ButtonRequest request, ButtonId id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(id);
        var context = request.Context;
        switch (id.Part(0))
        {
            case QuizButtons.NewAction when id.Parts.Count == 5
                && IsSessionId(id.Part(1))
                && QuizButtons.TryParseNumber(id.Part(3), QuizOptions.MaxQuestions, out var count):
                var difficulty = id.Part(4) == QuizButtons.Mixed ? null : Bank.QuizDifficulty.Normalize(id.Part(4));
                if (difficulty is null && id.Part(4) != QuizButtons.Mixed)
                {
                    break;
                }

                return quizzes.AbandonAndStartAsync(context, id.Part(1)!, id.Part(2)!, count, difficulty, cancellationToken);
            case QuizButtons.KeepAction when id.Parts.Count == 2 && IsSessionId(id.Part(1)):
                return quizzes.KeepAsync(context, id.Part(1)!, cancellationToken);
            case { } session when id.Parts.Count == 3
                && IsSessionId(session)
                && QuizButtons.TryParseNumber(id.Part(1), QuizOptions.MaxQuestions - 1, out var question)
                && QuizButtons.TryParseNumber(id.Part(2), Bank.QuizQuestion.OptionCount - 1, out var option):
                return quizzes.AnswerAsync(context, session, question, option, cancellationToken);
        }

        return Task.FromResult(Reply.One(Reply.Ephemeral("That quiz button isn't one I recognise. Nothing was changed.")));
    }

    private static bool IsSessionId(string? text) =>
        text is { Length: QuizSession.IdLength } && text.All(char.IsAsciiHexDigitLower);
}
