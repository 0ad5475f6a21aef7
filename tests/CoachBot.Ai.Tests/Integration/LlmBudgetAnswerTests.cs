namespace CoachBot.Ai.Tests.Integration;

/// <summary>Llm:DailyBudgetPerCommunity through the real connector: past the budget, answers are offline and the model is not called.</summary>
public sealed class LlmBudgetAnswerTests : IAsyncLifetime
{
    private const string Question = "which database should I learn, mysql or postgres?";
    private FakeOpenAiServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeOpenAiServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static AnswerRequest Ask(string community, string user) =>
        new(new ConversationKey(ChatPlatform.Discord, community, "channel-1"), "discord:" + user, Question);

    [Fact]
    public async Task AnswerAsync_PastTheCommunityBudget_AnswersOfflineWithANoteAndNeverCallsTheModel()
    {
        _server.Responder = _ => FakeChatResponse.Text("Start with PostgreSQL [P1].");
        var settings = AiServices.Llm(_server.BaseUrl);
        settings["Llm:DailyBudgetPerCommunity"] = "2";
        await using var services = KnowledgeAiServices.Build(settings);
        var answers = services.GetRequiredService<AnswerService>();

        var first = await answers.AnswerAsync(Ask("guild-a", "u1"), CancellationToken.None);
        var second = await answers.AnswerAsync(Ask("guild-a", "u2"), CancellationToken.None);
        var third = await answers.AnswerAsync(Ask("guild-a", "u3"), CancellationToken.None);
        var otherCommunity = await answers.AnswerAsync(Ask("guild-b", "u4"), CancellationToken.None);

        Assert.True(first.UsedLlm);
        Assert.True(second.UsedLlm);
        Assert.False(third.UsedLlm);
        Assert.Equal(CoachReplies.LlmBudgetNote, third.Note);
        Assert.NotEmpty(third.Citations);
        Assert.True(otherCommunity.UsedLlm);
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task AnswerAsync_OneDiscordDmUserPastTheBudget_LeavesOtherDmUsersTheirOwn()
    {
        _server.Responder = _ => FakeChatResponse.Text("Start with PostgreSQL [P1].");
        var settings = AiServices.Llm(_server.BaseUrl);
        settings["Llm:DailyBudgetPerCommunity"] = "1";
        await using var services = KnowledgeAiServices.Build(settings);
        var answers = services.GetRequiredService<AnswerService>();
        var dm = ConversationKey.DirectCommunityId;

        var first = await answers.AnswerAsync(Ask(dm, "u1"), CancellationToken.None);
        var again = await answers.AnswerAsync(Ask(dm, "u1"), CancellationToken.None);
        var otherDmUser = await answers.AnswerAsync(Ask(dm, "u2"), CancellationToken.None);

        Assert.True(first.UsedLlm);
        Assert.False(again.UsedLlm);
        Assert.True(otherDmUser.UsedLlm);
        Assert.Equal(2, _server.Requests.Count);
    }
}
