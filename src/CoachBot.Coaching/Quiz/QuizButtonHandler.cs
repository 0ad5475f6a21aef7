using CoachBot.Core.Commands;
using CoachBot.Core.Conversations;
using CoachBot.Core.Dispatch;
using CoachBot.Core.Replies;
using CoachBot.Storage;
using CoachBot.Storage.Quiz;
using Microsoft.Extensions.Logging;

namespace CoachBot.Coaching.Quiz;

/// <summary>
/// Clicks on quiz buttons: answers, and the abandon-or-keep prompt. Malformed ids get a clean refusal. An answer click
/// that meets a passing database fault (SQLite locked past its busy timeout, PostgreSQL unreachable past its retries)
/// gets a plain apology asking for the click again, which is safe: a click counts once.
/// </summary>
public sealed partial class QuizButtonHandler(QuizService quizzes, ILogger<QuizButtonHandler> logger) : IButtonHandler
{
    public const string AnswerNotSaved =
        "Sorry, I couldn't save that answer just now: the quiz database is busy. Please click your answer again in a moment. " +
        "If it was saved after all, it still counts only once.";

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
            case QuizButtons.PickAction when id.Parts.Count == 5
                && QuizButtons.TryParseNumber(id.Part(2), QuizOptions.MaxQuestions, out var picked):
                if (!ButtonOwner.Is(id.Part(4), context.User))
                {
                    return Task.FromResult(Reply.One(QuizReplies.Refusal("That quiz picker was opened by someone else. Type `/quiz` to get your own.")));
                }

                var pickedDifficulty = id.Part(3) == QuizButtons.Mixed ? null : id.Part(3);
                return quizzes.StartFromPickerAsync(context, id.Part(1)!, picked == 0 ? null : picked, pickedDifficulty, cancellationToken);
            case QuizButtons.KeepAction when id.Parts.Count == 2 && IsSessionId(id.Part(1)):
                return quizzes.KeepAsync(context, id.Part(1)!, cancellationToken);
            case { } session when id.Parts.Count == 3
                && IsSessionId(session)
                && QuizButtons.TryParseNumber(id.Part(1), QuizOptions.MaxQuestions - 1, out var question)
                && QuizButtons.TryParseNumber(id.Part(2), Bank.QuizQuestion.OptionCount - 1, out var option):
                return AnswerAsync(context, session, question, option, cancellationToken);
        }

        return Task.FromResult(Reply.One(Reply.Ephemeral("That quiz button isn't one I recognise. Nothing was changed.")));
    }

    private async Task<IReadOnlyList<Reply>> AnswerAsync(
        CommandContext context, string session, int question, int option, CancellationToken cancellationToken)
    {
        try
        {
            return await quizzes.AnswerAsync(context, session, question, option, cancellationToken);
        }
        catch (Exception ex) when (StorageFaults.IsTransient(ex) && !cancellationToken.IsCancellationRequested)
        {
            LogNotSaved(ex, session, question);
            return Reply.One(QuizReplies.Refusal(AnswerNotSaved));
        }
    }

    private static bool IsSessionId(string? text) => QuizButtons.IsHexId(text, QuizSession.IdLength);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Quiz {SessionId} answer to question {Index} not saved: the database is busy or unreachable; asked to click again")]
    private partial void LogNotSaved(Exception exception, string sessionId, int index);
}
