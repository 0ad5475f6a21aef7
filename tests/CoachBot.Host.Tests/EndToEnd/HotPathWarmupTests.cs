using CoachBot.Hosting.Warmup;

namespace CoachBot.Host.Tests.EndToEnd;

/// <summary>The hot-path warm-up of a started bot: runs its rounds, reported on /readyz, and touches nothing outside the process.</summary>
public sealed class HotPathWarmupTests
{
    private static readonly TimeSpan Guard = ReadyzProbe.Guard;

    [Fact]
    public async Task Warmup_RunsItsRounds_WithoutCallingTheLlmOrSendingAnything_ThenReadyzSaysDone()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        await using var llm = await FakeOpenAiServer.StartAsync();
        await using var host = await RealHost.StartAsync(
        [
            .. ReadyzProbe.DiscordArgs(discord),
            "--Llm:Endpoint=" + llm.BaseUrl,
            "--Llm:ChatModel=fake-model",
            "--Warmup:Rounds=3",
        ]);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        await discord.WaitForSessionAsync(Guard);

        var body = await ReadyzProbe.PollAsync(http, body => body["warmup"]?.GetValue<string>() is "done" or "failed");

        Assert.Equal("done", body["warmup"]!.GetValue<string>());
        Assert.Equal("Healthy", body["status"]!.GetValue<string>());
        Assert.Empty(llm.Requests);
        Assert.DoesNotContain(discord.Requests, r => r.Path.Contains("/messages", StringComparison.Ordinal) || r.Path.Contains("/callback", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Warmup_ZeroRounds_IsOff()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        await using var host = await RealHost.StartAsync([.. ReadyzProbe.DiscordArgs(discord), "--Warmup:Rounds=0"]);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        await discord.WaitForSessionAsync(Guard);

        var body = await ReadyzProbe.PollAsync(http, body => body["status"]?.GetValue<string>() == "Healthy");

        Assert.Equal("off", body["warmup"]!.GetValue<string>());
        Assert.Equal(HotPathState.Off, host.Services.GetRequiredService<HotPathWarmup>().State);
    }
}
