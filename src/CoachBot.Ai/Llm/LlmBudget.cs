using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Ai.Llm;

/// <summary>
/// The per-community daily allowance of LLM-composed replies (<see cref="LlmOptions.DailyBudgetPerCommunity"/>).
/// A reply that would pass it is composed offline instead; the allowance renews at midnight UTC. Counts live in this
/// process, so N processes serving one community allow up to N times the budget (see docs/operations.md).
/// </summary>
public sealed partial class LlmBudget(IOptions<LlmOptions> options, TimeProvider time, ILogger<LlmBudget> logger)
{
    private readonly ConcurrentDictionary<string, DayCount> _counts = new(StringComparer.Ordinal);

    /// <summary>Takes one reply from the community's allowance; false when today's is used up.</summary>
    public bool TryConsume(string communityKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(communityKey);
        if (options.Value.DailyBudgetPerCommunity is not { } budget)
        {
            return true;
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var count = _counts.AddOrUpdate(
            communityKey,
            static (_, day) => new DayCount(day, 1),
            static (_, current, day) => current.Day == day ? current with { Used = current.Used + 1 } : new DayCount(day, 1),
            today);
        if (count.Used <= budget)
        {
            return true;
        }

        if (count.Used == budget + 1)
        {
            LogExhausted(communityKey, budget);
        }

        return false;
    }

    /// <summary>Replies left today for the community (null: no limit).</summary>
    public int? Remaining(string communityKey)
    {
        if (options.Value.DailyBudgetPerCommunity is not { } budget)
        {
            return null;
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        return _counts.TryGetValue(communityKey, out var count) && count.Day == today ? Math.Max(0, budget - count.Used) : budget;
    }

    private sealed record DayCount(DateOnly Day, int Used);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Community {Community} used its daily LLM budget of {Budget} replies; answering offline until midnight UTC")]
    private partial void LogExhausted(string community, int budget);
}
