using System.Net.Sockets;
using Microsoft.Playwright;

namespace CoachBot.Host.Tests.Dashboard;

/// <summary>
/// The dashboard in a real browser: headless Chromium (the machine's, through Playwright's ExecutablePath) against the
/// real host with FakeDiscord as the chat. A moderator gets a link from /dashboard, signs in, reads every page, posts a
/// challenge and picks its winner, and the chat sees both. With COACHBOT_DASHBOARD_SCREENSHOTS=1 the pages' screenshots
/// are written to docs/dashboard/ (otherwise to a temporary folder).
/// </summary>
public sealed partial class DashboardBrowserTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    [BrowserFact]
    public async Task Chromium_StartsHeadless_AndRendersAPage()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await browser.NewPageAsync();

        await page.SetContentAsync("<h1>smoke</h1>");

        Assert.Equal("smoke", await page.InnerTextAsync("h1"));
        Assert.Matches(@"^\d+\.", browser.Version);
        Console.WriteLine("Chromium " + browser.Version);
    }

    [BrowserFact]
    public async Task Moderator_SignsInFromDiscord_ReadsEveryPage_PostsAChallenge_AndPicksTheWinner_AndTheChatSeesBoth()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        discord.AddChannel(FakeDiscordEvents.ChannelId, FakeDiscordEvents.GuildId);
        // The moderator holds Manage Server on Discord, which the dashboard re-checks before posting and judging.
        discord.AddGuild(FakeDiscordEvents.GuildId, ownerId: "100000000000000001", everyonePermissions: ulong.Parse(FakeDiscordEvents.MemberPermissions, CultureInfo.InvariantCulture));
        discord.AddRole(FakeDiscordEvents.GuildId, "300000000000000001", ulong.Parse(FakeDiscordEvents.ModeratorPermissions, CultureInfo.InvariantCulture));
        discord.SetMember(FakeDiscordEvents.GuildId, FakeDiscordEvents.UserId, "300000000000000001");
        discord.SetMember(FakeDiscordEvents.GuildId, FakeDiscordEvents.OtherUserId);
        var port = FreePort();
        var address = "http://127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture);
        await using var host = await PrivateRefusalsEndToEndTests.StartDiscordHostAsync(discord, "--Http:Urls=" + address, "--Http:PublicBaseUrl=" + address);
        await AskAsync(discord, "which database should I learn first?");
        await AskAsync(discord, "what is the best pizza topping in naples?");

        var link = await DashboardLinkAsync(discord);
        Assert.StartsWith(address + "/dashboard/sign-in/", link, StringComparison.Ordinal);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        await page.GotoAsync(link);
        Assert.Contains("Continue", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await page.ClickAsync("button:has-text('Continue')");
        await page.WaitForURLAsync(address + "/dashboard");

        Assert.Contains("Questions", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Contains("which database should I learn first?", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.True(await page.EvaluateAsync<bool>("() => { const i = document.querySelector('img.chart'); return i.complete && i.naturalWidth > 0; }"));
        await ScreenshotAsync(page, "overview");

        await page.GotoAsync(address + "/dashboard/gaps");
        Assert.Contains("pizza", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await ScreenshotAsync(page, "gaps");

        // Post from the form, into the community's channel: the chat sees the post.
        await page.GotoAsync(address + "/dashboard/challenges");
        await page.FillAsync("input[name=title]", "Design a rate limiter");
        await page.FillAsync("textarea[name=brief]", "Sketch a token bucket per API key: the data, the checks, what happens under load.");
        await page.FillAsync("#form-channel", FakeDiscordEvents.ChannelId);
        await page.ClickAsync("button:has-text('Post this challenge')");
        Assert.Contains("Posted in channel", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        var posted = await ChannelPostAsync(discord, "Design a rate limiter");
        Assert.Contains("Weekly challenge", Json(posted), StringComparison.Ordinal);

        // A member submits in chat; the moderator closes the challenge and picks the winner on the dashboard.
        await SubmitAsync(discord, "A token bucket in Redis per key: https://example.org/rate-limiter");
        await page.GotoAsync(address + "/dashboard/challenges");
        Assert.Contains("https://example.org/rate-limiter", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await ScreenshotAsync(page, "challenges");
        await page.ClickAsync("button:has-text('Close it now')");
        var closed = await page.InnerTextAsync("main");
        Assert.True(closed.Contains("Waiting for winners", StringComparison.Ordinal) && closed.Contains("example.org", StringComparison.Ordinal), closed);
        await page.CheckAsync("input[name=submission]");
        await page.ClickAsync("button:has-text('Announce the checked winners')");
        Assert.Contains("Posted in channel", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        var winners = await ChannelPostAsync(discord, "Winners:");
        Assert.Contains("Design a rate limiter", Json(winners), StringComparison.Ordinal);
        Assert.NotEmpty(discord.RequestsTo("GET", $"/guilds/{FakeDiscordEvents.GuildId}/members/{FakeDiscordEvents.UserId}"));

        await page.GotoAsync(address + "/dashboard/members");
        var members = await page.InnerTextAsync("main");
        Assert.Contains("Challenge leaderboard", members, StringComparison.Ordinal);
        // The member who asked and submitted is listed (the page used to say it had met no one).
        Assert.DoesNotContain("hasn't met anyone", members, StringComparison.Ordinal);
        await ScreenshotAsync(page, "members");

        await page.GotoAsync(address + "/dashboard/audit");
        var audit = await page.InnerTextAsync("main");
        Assert.Contains("challenge.post", audit, StringComparison.Ordinal);
        Assert.Contains("challenge.winners", audit, StringComparison.Ordinal);
        Assert.Contains("dashboard.sign-in", audit, StringComparison.Ordinal);
        await ScreenshotAsync(page, "audit");

        await page.ClickAsync("button:has-text('Sign out')");
        var response = await page.GotoAsync(address + "/dashboard");
        Assert.Equal(401, response!.Status);
    }

    private static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFactAttribute.ChromiumPath,
            Headless = true,
            // Root in a container has no user namespace for Chromium's sandbox.
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });

    private static async Task AskAsync(FakeDiscordServer discord, string question)
    {
        var interaction = await discord.SendInteractionAsync(FakeDiscordEvents.SlashCommand(
            "ask", [FakeDiscordEvents.Option("question", question)], userId: FakeDiscordEvents.OtherUserId, permissions: FakeDiscordEvents.MemberPermissions));
        await WaitForReplyAsync(discord, interaction);
    }

    private static async Task SubmitAsync(FakeDiscordServer discord, string text)
    {
        var interaction = await discord.SendInteractionAsync(FakeDiscordEvents.SlashCommand(
            "challenge", [PrivateRefusalsEndToEndTests.Subcommand("submit", FakeDiscordEvents.Option("text", text))],
            userId: FakeDiscordEvents.OtherUserId, permissions: FakeDiscordEvents.MemberPermissions));
        await WaitForReplyAsync(discord, interaction);
    }

    /// <summary>Until the interaction is answered: in the callback, by editing the original, or by a follow-up.</summary>
    private static Task WaitForReplyAsync(FakeDiscordServer discord, FakeInteraction interaction) =>
        discord.WaitUntilAsync(
            () => interaction.CallbackType == 4
                || discord.RequestsTo("PATCH", interaction.Token).Count > 0
                || discord.RequestsTo("POST", "/webhooks/").Any(r => r.Path.EndsWith(interaction.Token, StringComparison.Ordinal)),
            "the reply",
            Guard);

    /// <summary>/dashboard as a moderator: the private reply's link.</summary>
    private static async Task<string> DashboardLinkAsync(FakeDiscordServer discord)
    {
        var interaction = await discord.SendInteractionAsync(FakeDiscordEvents.SlashCommand("dashboard", permissions: FakeDiscordEvents.ModeratorPermissions));
        await discord.WaitUntilAsync(
            () => interaction.CallbackType == 4 || discord.RequestsTo("PATCH", interaction.Token).Count > 0, "the dashboard link", Guard);
        Assert.True(interaction.RespondedPrivately, "the link must be private");
        var text = interaction.CallbackType == 4 ? interaction.CallbackContent! : Json(discord.RequestsTo("PATCH", interaction.Token)[^1]);
        return LinkPattern().Match(text).Value;
    }

    /// <summary>The message the bot posted in the community's channel containing <paramref name="text"/>.</summary>
    private static Task<RecordedRequest> ChannelPostAsync(FakeDiscordServer discord, string text) =>
        discord.WaitForRequestAsync(
            r => r.Method == "POST" && r.Path.Contains("/channels/" + FakeDiscordEvents.ChannelId + "/messages", StringComparison.Ordinal)
                && Json(r).Contains(text, StringComparison.Ordinal),
            "a channel post with " + text,
            Guard);

    /// <summary>The whole body as JSON text (a post's title lives in an embed, not in content).</summary>
    private static string Json(RecordedRequest request) => request.Body?.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) ?? string.Empty;

    private static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable("COACHBOT_DASHBOARD_SCREENSHOTS") == "1"
            ? Path.Combine(RepositoryRoot(), "docs", "dashboard")
            : Path.Combine(Path.GetTempPath(), "coachbot-dashboard-screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CoachBot.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("CoachBot.sln not found above the test folder.");
    }

    private static int FreePort() => Durability.BotOsProcess.FreePort();

    [GeneratedRegex(@"https?://[^\s)>\]]+/dashboard/sign-in/[A-Za-z0-9_-]+")]
    private static partial Regex LinkPattern();
}
