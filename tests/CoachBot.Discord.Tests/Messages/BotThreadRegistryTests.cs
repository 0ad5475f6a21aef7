namespace CoachBot.Discord.Tests.Messages;

public sealed class BotThreadRegistryTests
{
    [Fact]
    public void TryGetParent_KnowsAThreadForAMonth_ThenForgetsIt()
    {
        var clock = new FakeTimeProvider();
        var threads = new BotThreadRegistry(clock);
        threads.Add("T1", "C1");

        clock.Advance(TimeSpan.FromDays(29));
        Assert.True(threads.TryGetParent("T1", out var parent));
        Assert.Equal("C1", parent);
        Assert.False(threads.TryGetParent("C1", out _));

        clock.Advance(TimeSpan.FromDays(2));
        Assert.False(threads.TryGetParent("T1", out _));
    }
}
