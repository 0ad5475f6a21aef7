using CoachBot.Core.Limits;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Ai.Llm;

/// <summary>
/// The per-community daily allowance of LLM-composed replies (<see cref="LlmOptions.DailyBudgetPerCommunity"/>).
/// A reply that would pass it is composed offline instead; the allowance renews at midnight UTC. Counted in
/// <see cref="IWindowCounters"/>: in this process, or in the database with PostgreSQL, so N processes serving one
/// community allow it the budget once, not N times (see docs/operations.md).
/// </summary>
public sealed partial class LlmBudget(IOptions<LlmOptions> options, IWindowCounters counters, TimeProvider time, ILogger<LlmBudget> logger)
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    /// <summary>Takes one reply from the community's allowance; false when today's is used up.</summary>
    public async ValueTask<bool> TryConsumeAsync(string communityKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(communityKey);
        if (options.Value.DailyBudgetPerCommunity is not { } budget)
        {
            return true;
        }

        var counts = await counters.IncrementAsync([Key(communityKey)], Today(), Day, cancellationToken);
        var used = counts[0].Current;
        if (used <= budget)
        {
            return true;
        }

        if (used == budget + 1)
        {
            LogExhausted(communityKey, budget);
        }

        return false;
    }

    /// <summary>Replies left today for the community (null: no limit).</summary>
    public async ValueTask<int?> RemainingAsync(string communityKey, CancellationToken cancellationToken)
    {
        if (options.Value.DailyBudgetPerCommunity is not { } budget)
        {
            return null;
        }

        var used = await counters.ReadAsync(Key(communityKey), Today(), cancellationToken);
        return (int)Math.Max(0, budget - used);
    }

    private static string Key(string communityKey) => "llm:" + communityKey;

    private DateTimeOffset Today()
    {
        var now = time.GetUtcNow();
        return new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Community {Community} used its daily LLM budget of {Budget} replies; answering offline until midnight UTC")]
    private partial void LogExhausted(string community, int budget);
}
