using Microsoft.Extensions.Logging.Abstractions;

namespace CoachBot.Ai.Tests.Llm;

public sealed class LlmBudgetTests
{
    private static readonly DateTimeOffset LateEvening = new(2026, 12, 3, 23, 59, 0, TimeSpan.Zero);

    private static LlmBudget Budget(int? perDay, TimeProvider time) =>
        new(Options.Create(new LlmOptions { DailyBudgetPerCommunity = perDay }), time, NullLogger<LlmBudget>.Instance);

    [Fact]
    public void TryConsume_NoBudgetSet_NeverRefuses()
    {
        var budget = Budget(null, new FakeTimeProvider(LateEvening));

        Assert.All(Enumerable.Range(0, 1000), _ => Assert.True(budget.TryConsume("discord:1")));
        Assert.Null(budget.Remaining("discord:1"));
    }

    [Fact]
    public void TryConsume_PastTheBudget_RefusesThatCommunityOnly()
    {
        var budget = Budget(3, new FakeTimeProvider(LateEvening));

        var taken = Enumerable.Range(0, 5).Select(_ => budget.TryConsume("discord:1")).ToList();

        Assert.Equal([true, true, true, false, false], taken);
        Assert.Equal(0, budget.Remaining("discord:1"));
        Assert.True(budget.TryConsume("slack:T1"));
        Assert.Equal(2, budget.Remaining("slack:T1"));
    }

    [Fact]
    public void TryConsume_AfterMidnightUtc_StartsAFreshAllowance()
    {
        var clock = new FakeTimeProvider(LateEvening);
        var budget = Budget(1, clock);
        Assert.True(budget.TryConsume("discord:1"));
        Assert.False(budget.TryConsume("discord:1"));

        clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(1, budget.Remaining("discord:1"));
        Assert.True(budget.TryConsume("discord:1"));
        Assert.False(budget.TryConsume("discord:1"));
    }
}
