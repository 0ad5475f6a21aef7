using CoachBot.Core.Conversations;
using CoachBot.Core.Conversations.Memory;
using Microsoft.Extensions.Time.Testing;

namespace CoachBot.Storage.Tests.Conversations;

/// <summary>What every <see cref="IConversationMemory"/> must do: in process, on SQLite and on PostgreSQL.</summary>
public abstract class ConversationMemoryContract : IAsyncLifetime
{
    protected static readonly ConversationMemoryOptions Bounds = new() { MaxTurns = 3, IdleMinutes = 60 };
    private static readonly ConversationKey Channel = new(ChatPlatform.Slack, "T1", "C1");
    private IConversationMemory? _memory;

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero));

    protected IConversationMemory Memory => _memory ?? throw new InvalidOperationException("The memory is created in InitializeAsync.");

    protected TestDatabase? Database { get; set; }

    public async Task InitializeAsync() => _memory = await CreateMemoryAsync();

    public async Task DisposeAsync()
    {
        if (Database is not null)
        {
            await Database.DisposeAsync();
        }
    }

    protected abstract Task<IConversationMemory> CreateMemoryAsync();

    [StoreFact]
    public async Task Recent_AfterMoreTurnsThanTheLimit_KeepsTheLastOnesOldestFirst()
    {
        for (var i = 1; i <= 5; i++)
        {
            await RememberAsync(Channel, "slack:U1", "q" + i);
        }

        var turns = await Memory.RecentAsync(Channel, "slack:U1", CancellationToken.None);

        Assert.Equal(["q3", "q4", "q5"], turns.Select(t => t.Question));
        Assert.Equal("answer to q5", turns[^1].Answer);
    }

    [StoreFact]
    public async Task Recent_OfAnotherPersonOrChannel_IsEmpty()
    {
        await RememberAsync(Channel, "slack:U1", "q1");

        Assert.Empty(await Memory.RecentAsync(Channel, "slack:U2", CancellationToken.None));
        Assert.Empty(await Memory.RecentAsync(Channel with { ChannelId = "C2" }, "slack:U1", CancellationToken.None));
    }

    [StoreFact]
    public async Task Recent_AfterTheConversationWasIdleTooLong_IsEmpty_AndANewTurnStartsAfresh()
    {
        await RememberAsync(Channel, "slack:U1", "q1");
        Time.Advance(TimeSpan.FromMinutes(59));
        Assert.Single(await Memory.RecentAsync(Channel, "slack:U1", CancellationToken.None));

        Time.Advance(TimeSpan.FromMinutes(2));
        Assert.Empty(await Memory.RecentAsync(Channel, "slack:U1", CancellationToken.None));

        await RememberAsync(Channel, "slack:U1", "q2");
        Assert.Equal(["q2"], (await Memory.RecentAsync(Channel, "slack:U1", CancellationToken.None)).Select(t => t.Question));
    }

    [StoreFact]
    public async Task Recent_OfAConversationKeptBusy_KeepsItsEarlierTurnsPastTheIdleTime()
    {
        await RememberAsync(Channel, "slack:U1", "q1");
        Time.Advance(TimeSpan.FromMinutes(50));
        await RememberAsync(Channel, "slack:U1", "q2");
        Time.Advance(TimeSpan.FromMinutes(50));

        Assert.Equal(["q1", "q2"], (await Memory.RecentAsync(Channel, "slack:U1", CancellationToken.None)).Select(t => t.Question));
    }

    [StoreFact]
    public async Task Recent_InANewThread_ContinuesTheChannelQuestion_AndTheThreadKeepsItsOwnTurns()
    {
        await RememberAsync(Channel, "slack:U1", "how do I become a backend engineer?");

        Assert.Single(await Memory.RecentAsync(Channel.InThread("t1"), "slack:U1", CancellationToken.None));
        await RememberAsync(Channel.InThread("t1"), "slack:U1", "and salaries?");

        Assert.Equal(
            ["how do I become a backend engineer?", "and salaries?"],
            (await Memory.RecentAsync(Channel.InThread("t1"), "slack:U1", CancellationToken.None)).Select(t => t.Question));
        Assert.Single(await Memory.RecentAsync(Channel, "slack:U1", CancellationToken.None));
    }

    [StoreFact]
    public async Task Forget_RemovesThePersonsTurnsInThatConversationOnly()
    {
        await RememberAsync(Channel, "slack:U1", "q1");
        await RememberAsync(Channel, "slack:U2", "q1");

        await Memory.ForgetAsync(Channel, "slack:U1", CancellationToken.None);

        Assert.Empty(await Memory.RecentAsync(Channel, "slack:U1", CancellationToken.None));
        Assert.Single(await Memory.RecentAsync(Channel, "slack:U2", CancellationToken.None));
    }

    [StoreFact]
    public async Task Remember_ConcurrentTurnsOfOnePerson_KeepAtMostTheLimit()
    {
        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => RememberAsync(Channel, "slack:U1", "q" + i))));

        var turns = await Memory.RecentAsync(Channel, "slack:U1", CancellationToken.None);

        Assert.Equal(3, turns.Count);
    }

    private Task RememberAsync(ConversationKey conversation, string userKey, string question) =>
        Memory.RememberAsync(conversation, userKey, new ConversationTurn(question, question, "answer to " + question, Time.GetUtcNow()), CancellationToken.None);
}
