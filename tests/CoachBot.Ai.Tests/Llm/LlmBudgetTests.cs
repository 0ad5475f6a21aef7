using CoachBot.Core.Limits;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoachBot.Ai.Tests.Llm;

public sealed class LlmBudgetTests
{
    private static readonly DateTimeOffset LateEvening = new(2026, 12, 3, 23, 59, 0, TimeSpan.Zero);

    private static LlmBudget Budget(int? perDay, TimeProvider time) =>
        new(Options.Create(new LlmOptions { DailyBudgetPerCommunity = perDay }), new InProcessWindowCounters(), time, NullLogger<LlmBudget>.Instance);

    [Fact]
    public async Task TryConsume_NoBudgetSet_NeverRefuses()
    {
        var budget = Budget(null, new FakeTimeProvider(LateEvening));

        Assert.All(await Task.WhenAll(Enumerable.Range(0, 1000).Select(_ => budget.TryConsumeAsync("discord:1", CancellationToken.None).AsTask())), Assert.True);
        Assert.Null(await budget.RemainingAsync("discord:1", CancellationToken.None));
    }

    [Fact]
    public async Task TryConsume_PastTheBudget_RefusesThatCommunityOnly()
    {
        var budget = Budget(3, new FakeTimeProvider(LateEvening));

        var taken = new List<bool>();
        for (var i = 0; i < 5; i++)
        {
            taken.Add(await budget.TryConsumeAsync("discord:1", CancellationToken.None));
        }

        Assert.Equal([true, true, true, false, false], taken);
        Assert.Equal(0, await budget.RemainingAsync("discord:1", CancellationToken.None));
        Assert.True(await budget.TryConsumeAsync("slack:T1", CancellationToken.None));
        Assert.Equal(2, await budget.RemainingAsync("slack:T1", CancellationToken.None));
    }

    [Fact]
    public async Task TryConsume_AfterMidnightUtc_StartsAFreshAllowance()
    {
        var clock = new FakeTimeProvider(LateEvening);
        var budget = Budget(1, clock);
        Assert.True(await budget.TryConsumeAsync("discord:1", CancellationToken.None));
        Assert.False(await budget.TryConsumeAsync("discord:1", CancellationToken.None));

        clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(1, await budget.RemainingAsync("discord:1", CancellationToken.None));
        Assert.True(await budget.TryConsumeAsync("discord:1", CancellationToken.None));
        Assert.False(await budget.TryConsumeAsync("discord:1", CancellationToken.None));
    }
}
