using CoachBot.Core.Conversations.Memory;

namespace CoachBot.Ai.Tests.Memory;

public sealed class InMemoryConversationMemoryTests
{
    private static readonly ConversationKey Channel = new(ChatPlatform.Discord, "guild", "channel");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));

    private InMemoryConversationMemory Create(int maxTurns = 6, int maxConversations = 100, int idleMinutes = 60) =>
        new(Options.Create(new ConversationMemoryOptions { MaxTurns = maxTurns, MaxConversations = maxConversations, IdleMinutes = idleMinutes }), _time);

    private ConversationTurn Turn(string question) => new(question, question, "answer to " + question, _time.GetUtcNow());

    [Fact]
    public void Recent_AfterMoreTurnsThanTheLimit_KeepsTheLastOnesOldestFirst()
    {
        var memory = Create(maxTurns: 3);
        for (var i = 1; i <= 5; i++)
        {
            memory.Remember(Channel, "u1", Turn("q" + i));
        }

        var turns = memory.Recent(Channel, "u1");

        Assert.Equal(["q3", "q4", "q5"], turns.Select(t => t.Question));
    }

    [Fact]
    public void Recent_OtherPersonOrConversation_SeesNothing()
    {
        var memory = Create();
        memory.Remember(Channel, "u1", Turn("q1"));

        Assert.Empty(memory.Recent(Channel, "u2"));
        Assert.Empty(memory.Recent(Channel with { ChannelId = "other" }, "u1"));
    }

    [Fact]
    public void Recent_AfterTheIdleTime_HasForgotten()
    {
        var memory = Create(idleMinutes: 30);
        memory.Remember(Channel, "u1", Turn("q1"));

        _time.Advance(TimeSpan.FromMinutes(31));

        Assert.Empty(memory.Recent(Channel, "u1"));
        Assert.Equal(0, memory.Count);
    }

    [Fact]
    public void Remember_BeyondTheConversationLimit_DropsTheLeastRecentlyUsed()
    {
        var memory = Create(maxConversations: 2);
        memory.Remember(Channel with { ChannelId = "a" }, "u1", Turn("a"));
        memory.Remember(Channel with { ChannelId = "b" }, "u1", Turn("b"));
        _ = memory.Recent(Channel with { ChannelId = "a" }, "u1");

        memory.Remember(Channel with { ChannelId = "c" }, "u1", Turn("c"));

        Assert.Equal(2, memory.Count);
        Assert.NotEmpty(memory.Recent(Channel with { ChannelId = "a" }, "u1"));
        Assert.Empty(memory.Recent(Channel with { ChannelId = "b" }, "u1"));
    }

    [Fact]
    public void Recent_InANewThread_ContinuesTheChannelQuestionThatOpenedIt()
    {
        var memory = Create();
        memory.Remember(Channel, "u1", Turn("how do I become a backend engineer?"));

        var inThread = memory.Recent(Channel.InThread("t1"), "u1");
        memory.Remember(Channel.InThread("t1"), "u1", Turn("and salaries?"));

        Assert.Single(inThread);
        Assert.Equal(2, memory.Recent(Channel.InThread("t1"), "u1").Count);
    }
}
