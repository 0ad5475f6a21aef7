using CoachBot.Coaching.Interview.Flow;
using CoachBot.Core.Dispatch;
using CoachBot.Core.Replies;

namespace CoachBot.Coaching.Interview;

/// <summary>
/// Claims a free-text message as an interview answer when its author has an interview running in that conversation
/// (thread, DM or terminal); passes (null) otherwise, so the ask feature (order 1000) answers it. The check is a plain
/// store read without the interview lock, so a message that is no answer never waits behind anyone's interview.
/// </summary>
public sealed class InterviewAnswerHandler(InterviewService interviews) : IMessageHandler
{
    public const int HandlerOrder = 100;

    public int Order => HandlerOrder;

    public Task<IReadOnlyList<Reply>?> TryHandleAsync(MessageRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return interviews.TryAnswerAsync(request.Context, request.Text, cancellationToken);
    }
}
