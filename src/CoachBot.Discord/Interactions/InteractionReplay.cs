using CoachBot.Core.Inbound;
using Microsoft.Extensions.Logging;

namespace CoachBot.Discord.Interactions;

/// <summary>
/// After a restart, answers the interactions an earlier run acknowledged and did not finish (oldest first, a few at a
/// time), once the gateway session is up. Rows this process records itself are never taken (they arrived after
/// <c>startedAt</c>), and a row already started <see cref="MaxAttempts"/> times is left alone, so an interaction that
/// crashes the bot can't crash it again forever.
/// </summary>
public sealed partial class InteractionReplay(
    InteractionInbox inbox,
    DiscordInteractionHandler handler,
    TimeProvider time,
    ILogger<InteractionReplay> logger)
{
    /// <summary>The first run plus one replay: at most once more after a crash, as on Slack.</summary>
    public const int MaxAttempts = 2;

    private const int Parallelism = 4;

    /// <summary>
    /// <see cref="RunAsync"/> now and then every <see cref="IInboundInbox.ReplaySweep"/> until <paramref name="sweeping"/>
    /// is cancelled (shutdown starts): after the start, it finishes the interactions of another process on the database
    /// that died (their leases expired). Replays in hand run on <paramref name="work"/>, so a shutdown drains them like
    /// any other answer instead of waiting for the next sweep.
    /// </summary>
    public async Task RunRepeatedlyAsync(DateTimeOffset startedAt, CancellationToken sweeping, CancellationToken work)
    {
        try
        {
            while (!sweeping.IsCancellationRequested)
            {
                await RunAsync(startedAt, work).ConfigureAwait(false);
                await Task.Delay(IInboundInbox.ReplaySweep, time, sweeping).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (sweeping.IsCancellationRequested || work.IsCancellationRequested)
        {
        }
    }

    /// <summary>Replays what was left unfinished before <paramref name="startedAt"/>; returns how many interactions were taken.</summary>
    public async Task<int> RunAsync(DateTimeOffset startedAt, CancellationToken ct)
    {
        // Best effort: a failed read is logged and replays nothing; the rows stay for the next start.
        var pending = await inbox.ClaimUnfinishedAsync(startedAt, MaxAttempts, ct).ConfigureAwait(false);
        if (pending.Count == 0)
        {
            return 0;
        }

        await Parallel.ForEachAsync(
            pending,
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct },
            async (item, token) =>
            {
                try
                {
                    await handler.ReplayAsync(item, token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (token.IsCancellationRequested)
                {
                    throw;
                }
#pragma warning disable CA1031 // One replay's failure must not stop the others.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    LogReplayFailed(ex, item.Interaction.Id);
                }
            }).ConfigureAwait(false);
        return pending.Count;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Replaying Discord interaction {InteractionId} failed")]
    private partial void LogReplayFailed(Exception exception, string interactionId);
}
