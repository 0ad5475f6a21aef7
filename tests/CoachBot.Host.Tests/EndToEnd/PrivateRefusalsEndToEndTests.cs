namespace CoachBot.Host.Tests.EndToEnd;

/// <summary>
/// Refusals seen from outside, through the real host and its real features: every command that can refuse a member
/// (the moderator subcommands of /challenge, and any command once the member is rate-limited) answers only the
/// member. On Discord the refusal is the interaction's first response, with flags 64 (nothing public, not even a
/// "thinking…" placeholder); on Slack it goes to the response_url as ephemeral, and nothing is posted in the channel.
/// </summary>
public sealed class PrivateRefusalsEndToEndTests
{
    private const string Member = "U333";
    private const string Moderator = "U999";
    private const string Channel = "C111";
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    /// <summary>Each moderator subcommand, as Discord sends it (subcommand option) and as Slack sends it (text).</summary>
    public static TheoryData<string, string> ModeratorSubcommands => new()
    {
        { "post", "post from:bank" },
        { "schedule", "schedule monday 09:00" },
        { "close", "close" },
        { "winners", "winners <@U222|ana>" },
    };

    [Theory]
    [MemberData(nameof(ModeratorSubcommands))]
    public async Task Discord_MembersModeratorSubcommand_IsRefusedInThePrivateFirstResponse(string subcommand, string slackText)
    {
        _ = slackText;
        await using var discord = await FakeDiscordServer.StartAsync();
        await using var host = await StartDiscordHostAsync(discord);

        var interaction = await discord.SendInteractionAsync(FakeDiscordEvents.SlashCommand("challenge", [Subcommand(subcommand)]));
        await discord.WaitUntilAsync(() => interaction.CallbackType is not null, "the refusal", Guard);

        Assert.Equal(4, interaction.CallbackType);
        Assert.True(interaction.RespondedPrivately, "the refusal must carry flags 64");
        Assert.Contains("only community moderators", interaction.CallbackContent, StringComparison.Ordinal);
        Assert.Empty(discord.RequestsTo("PATCH", interaction.Token));
        Assert.Empty(discord.RequestsTo("POST", "/webhooks/"));
        Assert.Empty(discord.RequestsTo("POST", "/channels/"));
    }

    [Theory]
    [MemberData(nameof(ModeratorSubcommands))]
    public async Task Slack_MembersModeratorSubcommand_IsRefusedOnlyToThem(string subcommand, string slackText)
    {
        _ = subcommand;
        await using var slack = await FakeSlackServer.StartAsync();
        await using var host = await StartSlackHostAsync(slack);

        await slack.SendEnvelopeAsync("slash_commands", FakeSlackPayloads.SlashCommand("/challenge", slackText, Member, Channel, slack.CreateResponseUrl()));
        var refusal = await slack.WaitForResponsePostAsync(_ => true, Guard);

        Assert.Equal("ephemeral", refusal.ResponseType);
        Assert.Contains("only community moderators", refusal.AllText, StringComparison.Ordinal);
        Assert.Empty(slack.CallsTo("chat.postMessage"));
        Assert.DoesNotContain(slack.ResponsePosts, p => p.ResponseType == "in_channel");
    }

    [Fact]
    public async Task Discord_ModeratorsSubcommand_IsAcknowledgedPublicly()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        await using var host = await StartDiscordHostAsync(discord);

        var interaction = await discord.SendInteractionAsync(
            FakeDiscordEvents.SlashCommand("challenge", [Subcommand("post", FakeDiscordEvents.Option("from", "bank"))], permissions: FakeDiscordEvents.ModeratorPermissions));
        var posted = await discord.WaitForRequestAsync(r => r.Method == "PATCH" && r.Path.Contains(interaction.Token, StringComparison.Ordinal), "the challenge", Guard);

        Assert.Equal(5, interaction.CallbackType);
        Assert.False(interaction.RespondedPrivately);
        Assert.DoesNotContain("only community moderators", posted.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Discord_RateLimitedCommand_IsRefusedInThePrivateFirstResponse()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        await using var host = await StartDiscordHostAsync(discord, "--RateLimits:PerUserPerMinute=1");

        var first = await discord.SendInteractionAsync(FakeDiscordEvents.SlashCommand("progress"));
        await discord.WaitUntilAsync(() => first.CallbackType is not null, "the first answer", Guard);
        var second = await discord.SendInteractionAsync(FakeDiscordEvents.SlashCommand("progress"));
        await discord.WaitUntilAsync(() => second.CallbackType is not null, "the refusal", Guard);

        Assert.Equal(5, first.CallbackType);
        Assert.Equal(4, second.CallbackType);
        Assert.True(second.RespondedPrivately);
        Assert.Contains("going a little fast", second.CallbackContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Slack_RateLimitedCommand_IsRefusedOnlyToThem()
    {
        await using var slack = await FakeSlackServer.StartAsync();
        await using var host = await StartSlackHostAsync(slack, "--RateLimits:PerUserPerMinute=1");

        await slack.SendEnvelopeAsync("slash_commands", FakeSlackPayloads.SlashCommand("/leaderboard", string.Empty, Member, Channel, slack.CreateResponseUrl()));
        await slack.WaitForCallAsync("chat.postMessage", c => c.Ok, Guard);
        await slack.SendEnvelopeAsync("slash_commands", FakeSlackPayloads.SlashCommand("/leaderboard", string.Empty, Member, Channel, slack.CreateResponseUrl()));
        var refusal = await slack.WaitForResponsePostAsync(p => p.AllText.Contains("going a little fast", StringComparison.Ordinal), Guard);

        Assert.Equal("ephemeral", refusal.ResponseType);
        Assert.Single(slack.CallsTo("chat.postMessage"));
    }

    internal static JsonObject Subcommand(string name, params JsonObject[] options) =>
        new() { ["name"] = name, ["type"] = 1, ["options"] = new JsonArray([.. options]) };

    internal static Task<RealHost> StartDiscordHostAsync(FakeDiscordServer discord, params string[] extra) =>
        StartDiscordHostAsync(discord, configureServices: null, extra);

    /// <param name="configureServices">Registrations after the host's own (e.g. a fake clock).</param>
    internal static async Task<RealHost> StartDiscordHostAsync(FakeDiscordServer discord, Action<IServiceCollection>? configureServices, params string[] extra)
    {
        var host = await RealHost.StartAsync(
            configureServices,
        [
            "--Discord:Token=" + discord.Options.Token,
            "--Discord:ApiBaseUrl=" + discord.ApiBaseUrl,
            "--Discord:IdentifyIntervalMs=0",
            "--Discord:ReconnectBaseDelayMs=20",
            .. extra,
        ]);
        try
        {
            await discord.WaitForSessionAsync(Guard);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    internal static Task<RealHost> StartSlackHostAsync(FakeSlackServer slack, params string[] extra) =>
        StartSlackHostAsync(slack, configureServices: null, extra);

    /// <param name="configureServices">Registrations after the host's own (e.g. a fake clock).</param>
    internal static async Task<RealHost> StartSlackHostAsync(FakeSlackServer slack, Action<IServiceCollection>? configureServices, params string[] extra)
    {
        var host = await RealHost.StartAsync(
            configureServices,
        [
            "--Slack:BotToken=" + slack.Options.BotToken,
            "--Slack:AppToken=" + slack.Options.AppToken,
            "--Slack:SigningSecret=" + slack.Options.SigningSecret,
            "--Slack:Mode=SocketMode",
            "--Slack:ApiBaseUrl=" + slack.ApiBaseUrl,
            "--Slack:SocketConnections=1",
            "--Slack:SocketConnectionDelay=00:00:00",
            "--Slack:PerChannelMessageInterval=00:00:00",
            "--Slack:ModeratorUserIds:0=" + Moderator,
            .. extra,
        ]);
        try
        {
            await slack.WaitForConnectionAsync(timeout: Guard);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }
}
