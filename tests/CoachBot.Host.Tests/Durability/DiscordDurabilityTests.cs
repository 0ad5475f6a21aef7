namespace CoachBot.Host.Tests.Durability;

/// <summary>
/// Nothing acknowledged is lost on Discord (issue #14, point 1), tried from outside: the built bot as its own process
/// against the fake Discord gateway and REST API, /ask deferred and then the process killed (SIGKILL) while the model
/// is still answering; a second process on the same SQLite file answers every deferred interaction, by editing its
/// "thinking…" placeholder, once.
/// </summary>
public sealed class DiscordDurabilityTests : IAsyncLifetime
{
    private const string LlmAnswer = "Start with one language and build a small API backed by a database. [P1]";
    private readonly DurabilityRig _rig = new("coachbot-discord-durability", FakeChatResponse.Text(LlmAnswer));
    private FakeDiscordServer _discord = null!;

    public async Task InitializeAsync()
    {
        await _rig.InitializeAsync();
        _discord = await FakeDiscordServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _discord.DisposeAsync();
        await _rig.DisposeAsync();
    }

    [Fact]
    public async Task Kill9_WithDeferredInteractionsPending_TheRestartOnTheSameDatabaseEditsEveryPlaceholderOnce()
    {
        _rig.LlmBehaviour = FakeChatResponse.Hang();
        var port = BotOsProcess.FreePort();
        var interactions = new List<FakeInteraction>();
        await using (var first = await BotOsProcess.StartAsync(Settings(), port, DurabilityRig.StartTimeout))
        {
            await _discord.WaitForSessionAsync(DurabilityRig.Guard);
            for (var i = 0; i < 5; i++)
            {
                interactions.Add(await _discord.SendInteractionAsync(FakeDiscordEvents.SlashCommand(
                    "ask",
                    [FakeDiscordEvents.Option("question", "How do I get my first backend job? (" + i + ")")],
                    userId: (300000000000000000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture))));
            }

            await _discord.WaitUntilAsync(() => interactions.All(x => x.CallbackType == 5), "every interaction deferred", DurabilityRig.Guard);
            await _rig.Llm.WaitForRequestsAsync(1, DurabilityRig.Guard);
            await first.KillAsync();
        }

        Assert.All(interactions, x => Assert.Empty(Edits(x)));
        _rig.LlmBehaviour = FakeChatResponse.Text(LlmAnswer);
        await using var second = await BotOsProcess.StartAsync(Settings(), port, DurabilityRig.StartTimeout);

        await _discord.WaitUntilAsync(() => interactions.All(x => Edits(x).Count >= 1), "every deferred interaction answered after the restart", DurabilityRig.Guard);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.All(interactions, x =>
        {
            var edit = Assert.Single(Edits(x));
            Assert.Contains("Start with one language and build a small API backed by a database.", edit.Content, StringComparison.Ordinal);
        });
        // No second placeholder: each interaction was acknowledged exactly once, by the first process.
        Assert.All(interactions, x => Assert.Equal(5, x.CallbackType));
    }

    [Fact]
    public async Task Sigterm_WithAnswersStuckOnTheLlm_ExitsAfterTheDrainTimeout_AndTheNextStartAnswersThem()
    {
        _rig.LlmBehaviour = FakeChatResponse.Hang();
        var port = BotOsProcess.FreePort();
        var interactions = new List<FakeInteraction>();
        await using (var first = await BotOsProcess.StartAsync(Settings(("Discord:DrainTimeout", "00:00:02")), port, DurabilityRig.StartTimeout))
        {
            await _discord.WaitForSessionAsync(DurabilityRig.Guard);
            for (var i = 0; i < 3; i++)
            {
                interactions.Add(await _discord.SendInteractionAsync(FakeDiscordEvents.SlashCommand(
                    "ask",
                    [FakeDiscordEvents.Option("question", "How do I get my first backend job? (" + i + ")")],
                    userId: (310000000000000000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture))));
            }

            await _discord.WaitUntilAsync(() => interactions.All(x => x.CallbackType == 5), "every interaction deferred", DurabilityRig.Guard);
            await _rig.Llm.WaitForRequestsAsync(1, DurabilityRig.Guard);
            first.Terminate();

            // Far below the LLM's hang and the host's 30 s shutdown timeout: only the drain bound lets it out this soon.
            Assert.True(await first.WaitForExitAsync(TimeSpan.FromSeconds(20)), "the bot did not exit after SIGTERM:\n" + first.Output);
            Assert.Equal(0, first.ExitCode);
        }

        Assert.All(interactions, x => Assert.Empty(Edits(x)));
        _rig.LlmBehaviour = FakeChatResponse.Text(LlmAnswer);
        await using var second = await BotOsProcess.StartAsync(Settings(), port, DurabilityRig.StartTimeout);

        await _discord.WaitUntilAsync(() => interactions.All(x => Edits(x).Count >= 1), "every deferred interaction answered after the restart", DurabilityRig.Guard);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.All(interactions, x => Assert.Single(Edits(x)));
    }

    private List<RecordedRequest> Edits(FakeInteraction interaction) =>
        _discord.RequestsTo("PATCH", "/webhooks/").Where(r => r.Path.Contains(interaction.Token, StringComparison.Ordinal) && r.Path.EndsWith("/messages/@original", StringComparison.Ordinal)).ToList();

    private Dictionary<string, string> Settings(params (string Key, string Value)[] extra) => _rig.Settings(
        new Dictionary<string, string>
        {
            ["Discord:Token"] = _discord.Options.Token,
            ["Discord:ApiBaseUrl"] = _discord.ApiBaseUrl,
            ["Discord:IdentifyIntervalMs"] = "0",
            ["Discord:ReconnectBaseDelayMs"] = "50",
        },
        extra);
}
