using CoachBot.Discord.Gateway;

namespace CoachBot.Discord.Tests.Gateway;

/// <summary>The gateway's local limits, on a fake clock.</summary>
public sealed class GatewayLimitTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public async Task SendLimiter_Allows110OrdinarySends_KeepingTenForHeartbeats_PerMinute()
    {
        var limiter = new GatewaySendLimiter(_time);
        for (var i = 0; i < 110; i++)
        {
            await limiter.WaitAsync(heartbeat: false, CancellationToken.None);
        }

        var ordinary = limiter.WaitAsync(heartbeat: false, CancellationToken.None);
        for (var i = 0; i < 10; i++)
        {
            await limiter.WaitAsync(heartbeat: true, CancellationToken.None);
        }

        var heartbeat = limiter.WaitAsync(heartbeat: true, CancellationToken.None);
        Assert.False(ordinary.IsCompleted);
        Assert.False(heartbeat.IsCompleted);

        _time.Advance(TimeSpan.FromSeconds(60));
        await ordinary.WaitAsync(TimeSpan.FromSeconds(10));
        await heartbeat.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task IdentifyGate_OneIdentifyPerBucketPerWindow_BucketsIndependent()
    {
        var gate = new IdentifyGate(maxConcurrency: 2, TimeSpan.FromSeconds(5), _time);
        await gate.WaitTurnAsync(0, CancellationToken.None);
        await gate.WaitTurnAsync(1, CancellationToken.None);

        var sameBucket = gate.WaitTurnAsync(2, CancellationToken.None);
        await Task.Yield();
        Assert.False(sameBucket.IsCompleted);

        _time.Advance(TimeSpan.FromSeconds(5));
        await sameBucket.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Theory]
    [InlineData(4004, GatewayCloseAction.Fatal)]
    [InlineData(4014, GatewayCloseAction.Fatal)]
    [InlineData(4010, GatewayCloseAction.Fatal)]
    [InlineData(4007, GatewayCloseAction.NewSession)]
    [InlineData(4009, GatewayCloseAction.NewSession)]
    [InlineData(4000, GatewayCloseAction.Resume)]
    [InlineData(4008, GatewayCloseAction.Resume)]
    [InlineData(1006, GatewayCloseAction.Resume)]
    [InlineData(null, GatewayCloseAction.Resume)]
    public void CloseCodes_AreClassifiedAsTheProtocolSays(int? code, GatewayCloseAction expected) =>
        Assert.Equal(expected, GatewayCloseCodes.Classify(code));
}
