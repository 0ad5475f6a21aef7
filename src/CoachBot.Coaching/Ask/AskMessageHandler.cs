using CoachBot.Ai.Answers;
using CoachBot.Coaching.Feedback;
using CoachBot.Core.Dispatch;
using CoachBot.Core.Replies;

namespace CoachBot.Coaching.Ask;

/// <summary>
/// The fallback for free text addressed to the coach (DMs, mentions, replies in its threads, terminal lines): answers
/// it as a question. Runs after features that claim messages first (an interview in progress, order 100).
/// </summary>
public sealed class AskMessageHandler(AnswerService answers, AnswerFeedbackRecorder? feedback = null) : IMessageHandler
{
    public const int HandlerOrder = 1000;

    public int Order => HandlerOrder;

    public async Task<IReadOnlyList<Reply>?> TryHandleAsync(MessageRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var question = request.Text.Trim();
        if (question.Length == 0)
        {
            return Reply.One(Reply.Public(CoachReplies.CanHelpWith + " Just ask me a question, or type `/help`."));
        }

        var context = request.Context;
        var answer = await answers.AnswerAsync(new AnswerRequest(context.Conversation, context.User.Key, question) { Progress = request.Progress }, cancellationToken);
        var reply = AnswerReplies.From(answer, fromSlashCommand: false);
        return Reply.One(feedback is null ? reply : await feedback.AttachAsync(context, question, answer, reply, cancellationToken));
    }
}
