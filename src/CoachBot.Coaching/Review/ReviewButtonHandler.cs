using CoachBot.Core.Commands;
using CoachBot.Core.Dispatch;
using CoachBot.Core.Replies;
using CoachBot.Storage;
using Microsoft.Extensions.Logging;

namespace CoachBot.Coaching.Review;

/// <summary>Clicks on <c>/review</c>'s buttons. Malformed or forged ids get a clean refusal and change nothing.</summary>
public sealed partial class ReviewButtonHandler(ReviewService reviews, ILogger<ReviewButtonHandler> logger) : IButtonHandler
{
    public const string NotSaved =
        "Sorry, I couldn't save that just now: the database is busy. Please click again in a moment; it counts only once.";

    public string Feature => ReviewButtons.Feature;

    public async Task<IReadOnlyList<Reply>> HandleAsync(ButtonRequest request, ButtonId id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(id);
        if (!ReviewButtons.TryParse(id, out var click))
        {
            return Reply.One(Reply.Ephemeral("That review button isn't one I recognise. Nothing was changed."));
        }

        try
        {
            return await reviews.AnswerAsync(request.Context, click, cancellationToken);
        }
        catch (Exception ex) when (StorageFaults.IsTransient(ex) && !cancellationToken.IsCancellationRequested)
        {
            LogNotSaved(ex, click.ItemId);
            return Reply.One(Reply.Ephemeral(NotSaved));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Review of {ItemId} not saved: the database is busy or unreachable; asked to click again")]
    private partial void LogNotSaved(Exception exception, string itemId);
}
