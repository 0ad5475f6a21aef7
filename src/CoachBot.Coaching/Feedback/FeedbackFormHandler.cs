using CoachBot.Core.Commands;
using CoachBot.Core.Dispatch;
using CoachBot.Core.Replies;

namespace CoachBot.Coaching.Feedback;

/// <summary>
/// The "what was wrong?" form (<c>fb:why:&lt;answer&gt;</c>). The note is stored with the submitter's own 👎 on that
/// answer, never anyone else's, and never shown publicly.
/// </summary>
public sealed class FeedbackFormHandler(FeedbackService feedback) : IFormHandler
{
    public string Feature => ReplyFeedback.Feature;

    public Task<IReadOnlyList<Reply>> HandleAsync(FormSubmitRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!ButtonId.TryParse(request.FormId, out var id) || id.Part(0) != FeedbackIds.WhyAction || id.Parts.Count != 2)
        {
            return Task.FromResult(Reply.One(FeedbackReplies.Private("That form isn't one I recognise. Nothing was saved.")));
        }

        var text = request.Fields.TryGetValue(FeedbackIds.WhatField, out var value) ? value : null;
        return feedback.CommentAsync(request.Context, id.Part(1)!, text, cancellationToken);
    }
}
