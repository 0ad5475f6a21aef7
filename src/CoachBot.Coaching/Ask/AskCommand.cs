using CoachBot.Ai.Answers;
using CoachBot.Coaching.Feedback;
using CoachBot.Core.Commands;
using CoachBot.Core.Dispatch;
using CoachBot.Core.Replies;

namespace CoachBot.Coaching.Ask;

/// <summary>
/// <c>/ask question:&lt;text&gt;</c>: answers a question about the backend-engineering career path from the guides. With
/// the feedback feature registered, each answer is recorded and carries 👍 / 👎.
/// </summary>
public sealed class AskCommand(AnswerService answers, AnswerFeedbackRecorder? feedback = null) : ICommandHandler
{
    public const string QuestionOption = "question";

    public CommandDefinition Definition { get; } = new("ask", "Ask a question about the backend-engineering career path")
    {
        Options =
        [
            new CommandOption(QuestionOption, "Your question, e.g. which database should I learn first?")
            {
                Required = true,
                TakesRest = true,
            },
        ],
        Examples = ["/ask which database should I learn first?", "/ask how much do backend engineers earn?"],
    };

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var question = request.Option(QuestionOption)?.Trim();
        if (string.IsNullOrEmpty(question))
        {
            return Reply.One(Reply.Ephemeral(CoachReplies.EmptyQuestion));
        }

        var context = request.Context;
        var answer = await answers.AnswerAsync(new AnswerRequest(context.Conversation, context.User.Key, question) { Progress = request.Progress }, cancellationToken);
        var reply = AnswerReplies.From(answer, fromSlashCommand: true);
        return Reply.One(feedback is null ? reply : await feedback.AttachAsync(context, question, answer, reply, cancellationToken));
    }
}
