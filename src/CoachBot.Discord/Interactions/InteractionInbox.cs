using System.Text.Json;
using CoachBot.Core.Inbound;
using CoachBot.Discord.Json;
using CoachBot.Discord.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Discord.Interactions;

/// <summary>
/// Discord's side of the durable inbox: an interaction is recorded (keyed by its id) before its deferral is sent, and
/// completed once its answer was delivered, so one acknowledged while the process dies is answered after the restart
/// (<see cref="InteractionReplay"/>). The row keeps the interaction as received, token included: the token is what
/// lets the restarted process edit the "thinking…" placeholder, and it dies with the interaction after 15 minutes.
/// </summary>
public sealed partial class InteractionInbox(
    IInboundInbox inbox,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    ILogger<InteractionInbox> logger)
{
    public const string Platform = "discord";

    public const string Kind = "interaction";

    private readonly PlatformInbox _rows = new(inbox, Platform, time, logger);

    /// <summary>
    /// Longest wait for the inbox before the deferral goes out anyway: well inside Discord's 3-second window, which an
    /// acknowledgement must meet or the interaction is lost (Discord does not send it again).
    /// </summary>
    public static readonly TimeSpan RecordBudget = TimeSpan.FromMilliseconds(1500);

    /// <summary>How long Discord accepts edits and follow-ups through an interaction's token.</summary>
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(15);

    /// <summary>How long after its arrival an unanswered interaction is still replayed (public replies go to the channel after <see cref="TokenLifetime"/>).</summary>
    public TimeSpan ReplayWindow => options.Value.DeliveryUsefulLife;

    /// <summary>
    /// Records the interaction before it is acknowledged. A duplicate (the same interaction delivered twice, or already
    /// replayed) is <see cref="InboundRecordResult.Duplicate"/>. When the database can't be written the interaction is
    /// still answered (there is no platform retry to fall back on), without the crash guarantee, and that is logged.
    /// </summary>
    public async Task<InboundRecordResult> RecordAsync(DiscordInteraction interaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        var now = time.GetUtcNow();
        var delivery = new InboundDelivery(
            Platform,
            interaction.Id,
            Kind,
            JsonSerializer.Serialize(interaction, DiscordJson.Options),
            now,
            now + ReplayWindow);
        try
        {
            // Not cancelled with the caller: a write that lands after a timeout must stay consistent with the
            // completion queued behind it.
            var record = inbox.RecordAsync(delivery, CancellationToken.None);
            var finished = await Task.WhenAny(record, Task.Delay(RecordBudget, time, cancellationToken)).ConfigureAwait(false);
            if (finished != record)
            {
                // Discord never retries an interaction: an acknowledgement later than 3 s loses it for good. A slow
                // database must not cost the member their answer, only the crash guarantee for this one.
                LogRecordSlow(interaction.Id, RecordBudget.TotalMilliseconds);
                _ = record.ContinueWith(
                    static t => _ = t.Exception,
                    CancellationToken.None,
                    TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
                    TaskScheduler.Default);
                return InboundRecordResult.Recorded;
            }

            return await record.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Without the inbox the member is still answered; only the crash guarantee is lost.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogRecordFailed(ex, interaction.Id);
            return InboundRecordResult.Recorded;
        }
    }

    /// <summary>The interaction needs no more work: it will not be replayed. Failures are logged (the row is replayed at most once more).</summary>
    public Task CompleteAsync(DiscordInteraction interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        return _rows.CompleteAsync(interaction.Id);
    }

    /// <summary>Interactions another run of the bot acknowledged and did not finish, oldest first.</summary>
    public Task<IReadOnlyList<PendingInteraction>> ClaimUnfinishedAsync(DateTimeOffset receivedBefore, int maxAttempts, CancellationToken cancellationToken) =>
        _rows.ClaimUnfinishedAsync(receivedBefore, maxAttempts, Read, cancellationToken);

    private static PendingInteraction? Read(InboundDelivery row) =>
        row.Kind == Kind && JsonSerializer.Deserialize<DiscordInteraction>(row.Payload, DiscordJson.Options) is { Id.Length: > 0, Token.Length: > 0 } interaction
            ? new PendingInteraction(interaction, row.ReceivedAt, row.Attempts)
            : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record interaction {InteractionId} in the inbox; answering it without the crash guarantee")]
    private partial void LogRecordFailed(Exception exception, string interactionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The inbox took longer than {BudgetMs} ms to record interaction {InteractionId}; acknowledging it anyway so it is not lost (no crash guarantee for this one)")]
    private partial void LogRecordSlow(string interactionId, double budgetMs);
}

/// <summary>An interaction left unfinished by an earlier run, with when it arrived and how often it was started.</summary>
public sealed record PendingInteraction(DiscordInteraction Interaction, DateTimeOffset ReceivedAt, int Attempts);
