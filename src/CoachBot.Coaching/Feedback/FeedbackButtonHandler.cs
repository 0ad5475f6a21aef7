using CoachBot.Core.Commands;
using CoachBot.Core.Dispatch;
using CoachBot.Core.Replies;
using CoachBot.Storage.Feedback;

namespace CoachBot.Coaching.Feedback;

/// <summary>
/// Clicks on 👍 / 👎 (<c>fb:up:&lt;answer&gt;</c>, <c>fb:down:&lt;answer&gt;</c>). Anything else under the feature, a
/// malformed answer id, or one naming no answer of this community gets a clean refusal and changes nothing.
/// </summary>
public sealed class FeedbackButtonHandler(FeedbackService feedback) : IButtonHandler
{
    public string Feature => ReplyFeedback.Feature;

    public Task<IReadOnlyList<Reply>> HandleAsync(ButtonRequest request, ButtonId id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(id);
        FeedbackVote? vote = id.Part(0) switch
        {
            ReplyFeedback.UpAction => FeedbackVote.Up,
            ReplyFeedback.DownAction => FeedbackVote.Down,
            _ => null,
        };
        return vote is { } chosen && id.Parts.Count == 2 && FeedbackIds.IsAnswerId(id.Part(1))
            ? feedback.VoteAsync(request.Context, id.Part(1)!, chosen, null, cancellationToken)
            : Task.FromResult(Reply.One(FeedbackReplies.Private(FeedbackReplies.Unknown)));
    }
}
