using CoachBot.Core.Limits;

namespace CoachBot.Storage.Tests.Limits;

public sealed class InProcessWindowCountersTests : WindowCountersContract
{
    protected override Task<IWindowCounters> CreateCountersAsync() => Task.FromResult<IWindowCounters>(new InProcessWindowCounters());
}
