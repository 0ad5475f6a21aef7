namespace CoachBot.Host.Tests.Abuse;

/// <summary>The per-user rate limit seen from Discord: over it, a friendly private "slow down", and other people are unaffected.</summary>
public sealed class RateLimitEndToEndTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task OverThePerUserLimit_TheNextRequestGetsAFriendlyPrivateSlowDown_AndSomeoneElseIsStillAnswered()
    {
        await using var discord = await FakeDiscordServer.StartAsync(new FakeDiscordOptions { InteractionDeadline = TimeSpan.FromMinutes(1) });
        await using var host = await RealHost.StartAsync(
            "--Discord:Token=" + discord.Options.Token,
            "--Discord:ApiBaseUrl=" + discord.ApiBaseUrl,
            "--Discord:IdentifyIntervalMs=0",
            "--RateLimits:PerUserPerMinute=2");
        await discord.WaitForSessionAsync(Guard);

        // A third member's question first, so loading the guides and the model is not timed inside the counted minute
        // (at 2 a minute one request comes back every 30 s).
        await AskAsync(discord, "555000111222333444");
        for (var i = 0; i < 2; i++)
        {
            var allowed = await AskAsync(discord, FakeDiscordEvents.UserId);
            Assert.DoesNotContain("going a little fast", allowed.Content, StringComparison.Ordinal);
        }

        var limited = await AskAsync(discord, FakeDiscordEvents.UserId);
        var someoneElse = await AskAsync(discord, FakeDiscordEvents.OtherUserId);

        Assert.Matches(@"^You're going a little fast for me\. Please try again in about \d+ seconds\.$", limited.Content!);
        Assert.Equal(64, (limited.Body!["flags"] ?? limited.Body!["data"]?["flags"])?.GetValue<int>());
        Assert.DoesNotContain("going a little fast", someoneElse.Content, StringComparison.Ordinal);
    }

    private static async Task<RecordedRequest> AskAsync(FakeDiscordServer discord, string userId)
    {
        var interaction = await discord.SendInteractionAsync(FakeDiscordEvents.SlashCommand(
            "ask", [FakeDiscordEvents.Option("question", "how do I get my first backend job?")], userId: userId, channelId: FakeDiscordEvents.NextId()));
        return await discord.WaitForRequestAsync(
            r => r.Path.Contains(interaction.Token, StringComparison.Ordinal) && r.Method is "POST" or "PATCH" && !string.IsNullOrEmpty(r.Content),
            "the answer to interaction " + interaction.Id,
            Guard);
    }
}
