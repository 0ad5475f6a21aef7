using CoachBot.Ai.Answers;
using CoachBot.Core.Dispatch;
using CoachBot.Core.Replies;

namespace CoachBot.Coaching.Ask;

/// <summary>
/// The fallback for free text addressed to the coach (DMs, mentions, replies in its threads, terminal lines): answers
/// it as a question. Runs after features that claim messages first (an interview in progress, order 100).
/// </summary>
public sealed class AskMessageHandler(AnswerService answers) : IMessageHandler
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
        var answer = await answers.AnswerAsync(new AnswerRequest(context.Conversation, context.User.Key, question), cancellationToken);
        var reply = AnswerReplies.From(answer, context, fromSlashCommand: false);

        // A mention is a question asked in a channel. Adapters key its conversation by the thread the answer will open
        // (Discord: the question's id), so ThreadId is already set and AnswerReplies would take it for a reply inside a
        // thread and answer in the channel. Ask for the thread here; adapters fall back to the channel if it is refused.
        if (request.Origin == MessageOrigin.Mention && !answer.Declined)
        {
            reply = reply with { Placement = ReplyPlacement.Thread };
        }

        return Reply.One(reply);
    }
}
