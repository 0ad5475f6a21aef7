using CoachBot.Core.Conversations;
using CoachBot.Core.Dispatch;
using CoachBot.Core.Limits;
using Microsoft.Extensions.Time.Testing;

namespace CoachBot.Storage.Tests.Limits;

/// <summary>
/// What every <see cref="IWindowCounters"/> must do (in process, PostgreSQL), and the shared rate limiter over it under
/// a fake clock.
/// </summary>
public abstract class WindowCountersContract : IAsyncLifetime
{
    protected static readonly DateTimeOffset Minute = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan OneMinute = TimeSpan.FromMinutes(1);
    private IWindowCounters? _counters;

    protected FakeTimeProvider Time { get; } = new(Minute);

    protected IWindowCounters Counters => _counters ?? throw new InvalidOperationException("The counters are created in InitializeAsync.");

    public async Task InitializeAsync() => _counters = await CreateCountersAsync();

    public virtual async Task DisposeAsync()
    {
        if (_counters is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }

    protected abstract Task<IWindowCounters> CreateCountersAsync();

    [StoreFact]
    public async Task Increment_CountsPerKeyAndWindow_AndReturnsThePreviousWindowsCount()
    {
        await Counters.IncrementAsync(["a"], Minute, OneMinute, CancellationToken.None);
        await Counters.IncrementAsync(["a"], Minute, OneMinute, CancellationToken.None);

        var next = await Counters.IncrementAsync(["a", "b"], Minute.AddMinutes(1), OneMinute, CancellationToken.None);

        Assert.Equal([new WindowCount(1, 2), new WindowCount(1, 0)], next);
        Assert.Equal(2, await Counters.ReadAsync("a", Minute, CancellationToken.None));
        Assert.Equal(0, await Counters.ReadAsync("c", Minute, CancellationToken.None));
    }

    [StoreFact]
    public async Task Increment_ConcurrentCallsOnOneKey_EachSeeADifferentCount()
    {
        var counts = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ =>
            Task.Run(async () => (await Counters.IncrementAsync(["hot", "rate:c:slack:T1"], Minute, OneMinute, CancellationToken.None))[0].Current)));

        Assert.Equal(Enumerable.Range(1, 200).Select(i => (long)i), counts.Order());
        Assert.Equal(200, await Counters.ReadAsync("rate:c:slack:T1", Minute, CancellationToken.None));
    }

    [StoreFact]
    public async Task SharedLimiter_AllowsThePerPersonLimitPerMinute_ThenRefusesWithAWait_AndRecovers()
    {
        var limiter = Limiter(Counters, perUser: 5);
        var ada = Context("U1");

        var decisions = new List<RateDecision>();
        for (var i = 0; i < 6; i++)
        {
            decisions.Add(await limiter.TryAcquireAsync(ada, CancellationToken.None));
        }

        Assert.Equal([true, true, true, true, true, false], decisions.Select(d => d.Allowed));
        Assert.InRange(decisions[^1].RetryAfter, TimeSpan.FromSeconds(1), OneMinute);
        Assert.True((await limiter.TryAcquireAsync(Context("U2"), CancellationToken.None)).Allowed, "another person has their own limit");

        Time.Advance(TimeSpan.FromMinutes(2));
        Assert.True((await limiter.TryAcquireAsync(ada, CancellationToken.None)).Allowed);
    }

    [StoreFact]
    public async Task SharedLimiter_HalfwayThroughTheNextMinute_CountsHalfOfThePreviousOne()
    {
        var limiter = Limiter(Counters, perUser: 10);
        for (var i = 0; i < 10; i++)
        {
            Assert.True((await limiter.TryAcquireAsync(Context("U1"), CancellationToken.None)).Allowed);
        }

        Time.Advance(TimeSpan.FromSeconds(90));

        var allowed = 0;
        for (var i = 0; i < 10; i++)
        {
            allowed += (await limiter.TryAcquireAsync(Context("U1"), CancellationToken.None)).Allowed ? 1 : 0;
        }

        Assert.Equal(5, allowed);
    }

    [StoreFact]
    public async Task SharedLimiter_TheCommunityLimit_HoldsAcrossItsPeople_AndTheLocalOperatorIsNeverLimited()
    {
        var limiter = Limiter(Counters, perUser: 100, perCommunity: 3);

        var allowed = 0;
        for (var i = 0; i < 6; i++)
        {
            allowed += (await limiter.TryAcquireAsync(Context("U" + i), CancellationToken.None)).Allowed ? 1 : 0;
        }

        Assert.Equal(3, allowed);
        Assert.True((await limiter.TryAcquireAsync(Context("U9") with { IsLocalOperator = true }, CancellationToken.None)).Allowed);
    }

    protected SharedRequestRateLimiter Limiter(IWindowCounters counters, int perUser, int perCommunity = 1000) =>
        new(counters, Options.Create(new RateLimitOptions { PerUserPerMinute = perUser, PerCommunityPerMinute = perCommunity }), Time);

    protected static CommandContext Context(string userId) =>
        new() { User = new UserIdentity(ChatPlatform.Slack, userId, userId), Conversation = new ConversationKey(ChatPlatform.Slack, "T1", "C1") };
}
