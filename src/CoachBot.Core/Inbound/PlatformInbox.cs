using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace CoachBot.Core.Inbound;

/// <summary>
/// One platform's side of the durable inbox, with the handling every adapter needs around it: a completion is never
/// cancelled by shutdown and never fails the answer already sent (a row left unfinished is replayed at most once
/// more); the start-up replay is best effort on top of a running bot (a failed read is logged and replays nothing),
/// and a row the adapter can no longer read is completed, so it is not claimed again at every start.
/// </summary>
public sealed partial class PlatformInbox(IInboundInbox inbox, string platform, TimeProvider time, ILogger logger)
{
    public string Platform => platform;

    /// <summary>The delivery needs no more work: it will not be replayed. A failure is logged, not thrown.</summary>
    public async Task CompleteAsync(string deliveryKey)
    {
        try
        {
            // Not cancelled by shutdown: an answer that was delivered must be marked as such.
            await inbox.CompleteAsync(platform, deliveryKey, CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A row left unfinished is replayed once more; that must not fail the answer already sent.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogCompleteFailed(logger, ex, platform, deliveryKey);
        }
    }

    /// <summary>
    /// Deliveries an earlier run acknowledged and did not finish (received before <paramref name="receivedBefore"/>,
    /// started fewer than <paramref name="maxAttempts"/> times), oldest first, each read by <paramref name="read"/>;
    /// a row it reads as null (or whose JSON is broken) is dropped. Empty when the inbox can't be read or on cancellation.
    /// </summary>
    public async Task<IReadOnlyList<T>> ClaimUnfinishedAsync<T>(
        DateTimeOffset receivedBefore, int maxAttempts, Func<InboundDelivery, T?> read, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(read);
        IReadOnlyList<InboundDelivery> rows;
        try
        {
            rows = await inbox.ClaimUnfinishedAsync(platform, receivedBefore, time.GetUtcNow(), maxAttempts, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return [];
        }
#pragma warning disable CA1031 // Replay is best effort on top of a running bot; the rows stay for the next start.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogClaimFailed(logger, ex, platform);
            return [];
        }

        var items = new List<T>(rows.Count);
        foreach (var row in rows)
        {
            T? item = null;
            try
            {
                item = read(row);
            }
            catch (JsonException)
            {
            }

            if (item is null)
            {
                LogUnreadable(logger, platform, row.Kind, row.DeliveryKey);
                await CompleteAsync(row.DeliveryKey).ConfigureAwait(false);
                continue;
            }

            items.Add(item);
        }

        if (items.Count > 0)
        {
            LogReplaying(logger, items.Count, platform);
        }

        return items;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not mark {Platform} delivery {DeliveryKey} done in the inbox; a restart may answer it once more")]
    private static partial void LogCompleteFailed(ILogger logger, Exception exception, string platform, string deliveryKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the unfinished {Platform} deliveries from the inbox; they stay there for the next start")]
    private static partial void LogClaimFailed(ILogger logger, Exception exception, string platform);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbox row {DeliveryKey} ({Kind}) is not a readable {Platform} delivery; dropped")]
    private static partial void LogUnreadable(ILogger logger, string platform, string kind, string deliveryKey);

    [LoggerMessage(Level = LogLevel.Information, Message = "Answering {Count} {Platform} deliveries an earlier run acknowledged and did not finish")]
    private static partial void LogReplaying(ILogger logger, int count, string platform);
}
