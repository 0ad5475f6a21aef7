using CoachBot.Ai.Answers;
using CoachBot.Core.Commands;
using CoachBot.Core.Dispatch;
using CoachBot.Core.Replies;

namespace CoachBot.Coaching.Ask;

/// <summary><c>/ask question:&lt;text&gt;</c>: answers a question about the backend-engineering career path from the guides.</summary>
public sealed class AskCommand(AnswerService answers) : ICommandHandler
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
        return Reply.One(AnswerReplies.From(answer, fromSlashCommand: true));
    }
}
