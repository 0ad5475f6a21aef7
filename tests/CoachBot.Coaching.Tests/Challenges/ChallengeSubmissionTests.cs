namespace CoachBot.Coaching.Tests.Challenges;

public sealed class ChallengeSubmissionTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private readonly ChallengeTestDatabase _database = new();
    private readonly CommandContext _moderator = ChallengeTestBot.Context(ChatPlatform.Slack, "UMOD", isModerator: true);
    private readonly CommandContext _ana = ChallengeTestBot.Context(ChatPlatform.Slack, "UANA", isModerator: false);
    private ChallengeTestBot _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = await ChallengeTestBot.StartAsync(_database, new FakeTimeProvider(Start));
        await _bot.DispatchAsync(_moderator, "post", ("title", "Design a rate limiter"), ("brief", "100 requests per minute per key."), ("due", "3d"));
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        _database.Delete();
    }

    [Fact]
    public async Task Submit_FirstTime_IsSavedAndConfirmedPrivately()
    {
        var reply = Assert.Single(await _bot.DispatchAsync(_ana, "submit", ("text", "Token bucket in Redis")));

        Assert.Equal(ReplyVisibility.Ephemeral, reply.Visibility);
        Assert.Contains("is in", reply.Text, StringComparison.Ordinal);
        var open = await _bot.Store.FindOpenAsync("slack:c1", default);
        var saved = await _bot.Store.FindSubmissionAsync(open!.Id, "slack:UANA", default);
        Assert.Equal("Token bucket in Redis", saved!.Content);
    }

    [Fact]
    public async Task Submit_Again_EditsTheOneSubmissionInsteadOfAddingAnother()
    {
        await _bot.DispatchAsync(_ana, "submit", ("text", "first draft"));
        _bot.Time.Advance(TimeSpan.FromHours(5));

        var reply = Assert.Single(await _bot.DispatchAsync(_ana, "submit", ("text", "final answer")));

        Assert.Contains("Updated your submission", reply.Text, StringComparison.Ordinal);
        var open = await _bot.Store.FindOpenAsync("slack:c1", default);
        var all = await _bot.Store.ListSubmissionsAsync(open!.Id, default);
        var only = Assert.Single(all);
        Assert.Equal("final answer", only.Content);
        Assert.Equal(1, only.EditCount);
        Assert.Equal(Start, only.SubmittedAt);
        Assert.Equal(Start.AddHours(5), only.UpdatedAt);
    }

    [Fact]
    public async Task Submit_EditJustBeforeTheDueTime_IsAccepted()
    {
        await _bot.DispatchAsync(_ana, "submit", ("text", "draft"));
        _bot.Time.SetUtcNow(Start.AddDays(3).AddSeconds(-1));

        var reply = Assert.Single(await _bot.DispatchAsync(_ana, "submit", ("text", "last-second edit")));

        Assert.Contains("Updated", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_AtOrAfterTheDueTime_IsRefusedAsLateAndNothingChanges()
    {
        await _bot.DispatchAsync(_ana, "submit", ("text", "on time"));
        _bot.Time.SetUtcNow(Start.AddDays(3));

        var edit = Assert.Single(await _bot.DispatchAsync(_ana, "submit", ("text", "too late edit")));
        var late = Assert.Single(await _bot.DispatchAsync(ChallengeTestBot.Context(ChatPlatform.Slack, "UBO", false), "submit", ("text", "late")));

        Assert.Contains("too late", edit.Text, StringComparison.Ordinal);
        Assert.Contains("too late", late.Text, StringComparison.Ordinal);
        var open = await _bot.Store.FindOpenAsync("slack:c1", default);
        Assert.Equal("on time", Assert.Single(await _bot.Store.ListSubmissionsAsync(open!.Id, default)).Content);
    }

    [Fact]
    public async Task Submit_AfterTheModeratorClosedIt_IsRefused()
    {
        await _bot.DispatchAsync(_moderator, "close");

        var reply = Assert.Single(await _bot.DispatchAsync(_ana, "submit", ("text", "answer")));

        Assert.Contains("no open challenge", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_WithoutText_OpensAFormPrefilledWithTheEarlierSubmission_WhichSavesAnEdit()
    {
        await _bot.DispatchAsync(_ana, "submit", ("text", "short version"));

        var reply = Assert.Single(await _bot.DispatchAsync(_ana, "submit"));
        Assert.NotNull(reply.Form);
        Assert.Equal("short version", Assert.Single(reply.Form.Fields).InitialValue);
        Assert.Contains("/challenge submit", reply.Form.FallbackText, StringComparison.Ordinal);

        var saved = Assert.Single(await _bot.SubmitFormAsync(_ana, reply.Form.Id, "A long write-up\nwith several lines"));
        Assert.Contains("Updated", saved.Text, StringComparison.Ordinal);
        var open = await _bot.Store.FindOpenAsync("slack:c1", default);
        Assert.Equal("A long write-up\nwith several lines", (await _bot.Store.FindSubmissionAsync(open!.Id, "slack:UANA", default))!.Content);
    }

    [Fact]
    public async Task SubmitForm_ForgedOrStaleChallengeId_SavesNothing()
    {
        var reply = Assert.Single(await _bot.SubmitFormAsync(_ana, "challenge:submit:999", "sneaky"));

        Assert.Contains("no longer open", reply.Text, StringComparison.Ordinal);
        var open = await _bot.Store.FindOpenAsync("slack:c1", default);
        Assert.Empty(await _bot.Store.ListSubmissionsAsync(open!.Id, default));
    }

    [Fact]
    public async Task Current_ShowsTheChallengeDueTimeAndTheCallersSubmission()
    {
        await _bot.DispatchAsync(_ana, "submit", ("text", "my take"));

        var reply = Assert.Single(await _bot.DispatchAsync(_ana, "current"));

        Assert.Contains("Design a rate limiter", reply.Title, StringComparison.Ordinal);
        Assert.Contains("Thu 26 Nov 2026, 10:00 UTC", reply.Text, StringComparison.Ordinal);
        Assert.Contains("my take", reply.Text, StringComparison.Ordinal);
        Assert.Contains("1 submission", reply.Text, StringComparison.Ordinal);
    }
}
