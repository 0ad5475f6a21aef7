using System.Net.Sockets;
using CoachBot.Core.Conversations;
using CoachBot.Core.Outbound;
using CoachBot.Dashboard.SignIn;
using CoachBot.Storage.Dashboard;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace CoachBot.Host.Tests.Dashboard;

/// <summary>
/// The dashboard's refusals through the real host: no session, used and expired links, another community's data and
/// actions, forged forms, the response headers, and the management listener.
/// </summary>
public sealed class DashboardSecurityTests : IAsyncLifetime
{
    private const string A = "guild-a";
    private const string B = "guild-b";

    public static readonly TheoryData<string> Pages = new()
    {
        "/dashboard", "/dashboard/gaps", "/dashboard/challenges", "/dashboard/members", "/dashboard/audit",
        "/dashboard/charts/questions.png", "/dashboard/export/questions.csv", "/dashboard/export/gaps.csv",
        "/dashboard/export/challenges.csv", "/dashboard/export/submissions.csv", "/dashboard/export/members.csv", "/dashboard/export/audit.csv",
    };

    public static readonly TheoryData<string> Actions = new()
    {
        "/dashboard/challenges/post", "/dashboard/challenges/close", "/dashboard/challenges/winners", "/dashboard/challenges/schedule", "/dashboard/sign-out",
    };

    private RealHost _host = null!;
    private DashboardSeed.Seeded _a = null!;
    private DashboardSeed.Seeded _b = null!;

    public async Task InitializeAsync()
    {
        _host = await RealHost.StartAsync();
        _a = await DashboardSeed.CommunityAsync(_host, A, "alpha");
        _b = await DashboardSeed.CommunityAsync(_host, B, "bravo");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task WithoutASession_EveryPageAnswers401WithTheSignInExplanation_AndNoData(string path)
    {
        using var client = new DashboardClient(_host.BaseAddress!);

        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("/dashboard command", body, StringComparison.Ordinal);
        Assert.DoesNotContain("alpha", body, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Actions))]
    public async Task WithoutASession_EveryActionAnswers401_AndChangesNothing(string path)
    {
        using var client = new DashboardClient(_host.BaseAddress!);

        using var response = await client.PostAsync(path, ("from", "bank"), ("channel", _a.ChannelId));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.True((await DashboardSeed.ChallengeAsync(_host, _a.ChallengeId)).IsOpen);
    }

    [Fact]
    public async Task TheContinuePage_DoesNotUseTheLink_ItsPostDoes_AndTheLinkNeverSignsInTwice()
    {
        var link = await DashboardClient.IssueAsync(_host, DashboardClient.Grant(A));
        using var scanner = new DashboardClient(_host.BaseAddress!);
        using var browser = new DashboardClient(_host.BaseAddress!);
        using var other = new DashboardClient(_host.BaseAddress!);

        // A link preview fetches the page first: it shows "continue" and consumes nothing.
        Assert.Contains("Continue", await scanner.GetTextAsync(link.PathAndQuery), StringComparison.Ordinal);
        using var first = await browser.SignInAsync(link);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Contains("coachbot.dashboard=", first.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("coachbot.dashboard=", StringComparison.Ordinal)), StringComparison.Ordinal);

        using var again = await browser.GetAsync(link.PathAndQuery);
        var page = await scanner.GetTextAsync("/dashboard/sign-in/" + link.Segments[^1]);
        using var reused = await other.PostAsync("/dashboard/sign-in", ("token", link.Segments[^1]));
        using var overview = await browser.GetAsync("/dashboard");

        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
        Assert.Contains("used already", page, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.Redirect, reused.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync("/dashboard")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
    }

    [Fact]
    public async Task AReusedLink_PostedWithAValidForm_IsRefused()
    {
        var link = await DashboardClient.IssueAsync(_host, DashboardClient.Grant(A));
        using var first = new DashboardClient(_host.BaseAddress!);
        using var second = new DashboardClient(_host.BaseAddress!);
        var secondPage = await second.GetTextAsync(link.PathAndQuery);
        (await first.SignInAsync(link)).Dispose();

        using var reused = await second.PostFormAsync("/dashboard/sign-in", secondPage, ("token", link.Segments[^1]));

        Assert.Equal(HttpStatusCode.Gone, reused.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await second.GetAsync("/dashboard")).StatusCode);
    }

    [Fact]
    public async Task AnExpiredLink_IsRefused()
    {
        const string token = "expiredexpiredexpiredexpiredexpiredexpired";
        var key = _host.Services.GetRequiredService<DashboardSigningKey>();
        var now = DateTimeOffset.UtcNow;
        await _host.Services.GetRequiredService<IDashboardLinkStore>().SaveAsync(
            new DashboardSignInLink
            {
                TokenHash = await key.HashAsync(token, CancellationToken.None), CommunityKey = "discord:" + A, Platform = "discord", CommunityId = A,
                UserKey = "discord:mod-1", UserId = "mod-1", DisplayName = "Mod", CreatedAt = now.AddMinutes(-11), ExpiresAt = now.AddMinutes(-1),
            },
            CancellationToken.None);
        using var client = new DashboardClient(_host.BaseAddress!);
        var page = await client.GetTextAsync("/dashboard/sign-in/" + token);
        var fresh = await client.GetTextAsync((await DashboardClient.IssueAsync(_host, DashboardClient.Grant(A))).PathAndQuery);

        using var response = await client.PostFormAsync("/dashboard/sign-in", fresh, ("token", token));

        Assert.Contains("expired", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/dashboard")).StatusCode);
    }

    [Fact]
    public async Task ATamperedOrUnknownToken_IsRefused()
    {
        var link = await DashboardClient.IssueAsync(_host, DashboardClient.Grant(A));
        var token = link.Segments[^1];
        var tampered = (token[0] == 'A' ? 'B' : 'A') + token[1..];
        using var client = new DashboardClient(_host.BaseAddress!);

        using var response = await client.GetAsync("/dashboard/sign-in/" + tampered);

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task ASessionForA_ReadsOnlyA_OnEveryPage(string path)
    {
        using var client = await DashboardClient.SignedInAsync(_host, DashboardClient.Grant(A));

        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("bravo", body, StringComparison.Ordinal);
        if (!path.EndsWith(".png", StringComparison.Ordinal) && path != "/dashboard/gaps" && path != "/dashboard/export/gaps.csv")
        {
            Assert.Contains("alpha", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ASessionForA_CannotOpenAMemberOfB()
    {
        using var client = await DashboardClient.SignedInAsync(_host, DashboardClient.Grant(A));

        using var own = await client.GetAsync("/dashboard/members/" + _a.MemberRowId);
        using var foreign = await client.GetAsync("/dashboard/members/" + _b.MemberRowId);

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.DoesNotContain("bravo", await foreign.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASessionForA_ClosingClosesOnlyAsChallenge()
    {
        using var client = await DashboardClient.SignedInAsync(_host, DashboardClient.Grant(A));
        var page = await client.GetTextAsync("/dashboard/challenges");

        using var response = await client.PostFormAsync("/dashboard/challenges/close", page);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Challenge closed: Challenge alpha", await client.GetTextAsync("/dashboard/challenges"), StringComparison.Ordinal);
        Assert.False((await DashboardSeed.ChallengeAsync(_host, _a.ChallengeId)).IsOpen);
        Assert.True((await DashboardSeed.ChallengeAsync(_host, _b.ChallengeId)).IsOpen);
    }

    [Fact]
    public async Task ASessionForA_CannotPostToAChannelOfB()
    {
        using var client = await DashboardClient.SignedInAsync(_host, DashboardClient.Grant(A));
        var page = await client.GetTextAsync("/dashboard/challenges");

        using var response = await client.PostFormAsync("/dashboard/challenges/post", page, ("from", "bank"), ("channel", _b.ChannelId));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await DashboardSeed.ChallengeAsync(_host, _a.ChallengeId)).IsOpen);
        Assert.True((await DashboardSeed.ChallengeAsync(_host, _b.ChallengeId)).IsOpen);
    }

    [Fact]
    public async Task ASessionForA_CannotPickBsSubmissionAsAWinner()
    {
        using var b = await DashboardClient.SignedInAsync(_host, DashboardClient.Grant(B));
        (await b.PostFormAsync("/dashboard/challenges/close", await b.GetTextAsync("/dashboard/challenges"))).Dispose();
        using var a = await DashboardClient.SignedInAsync(_host, DashboardClient.Grant(A));
        (await a.PostFormAsync("/dashboard/challenges/close", await a.GetTextAsync("/dashboard/challenges"))).Dispose();

        using var response = await a.PostFormAsync("/dashboard/challenges/winners", await a.GetTextAsync("/dashboard/challenges"), ("submission", _b.SubmissionId.ToString(CultureInfo.InvariantCulture)));

        Assert.Null((await DashboardSeed.ChallengeAsync(_host, _b.ChallengeId)).WinnersAnnouncedAt);
        Assert.Null((await DashboardSeed.ChallengeAsync(_host, _a.ChallengeId)).WinnersAnnouncedAt);
        Assert.Contains("Name at least one winner", await a.GetTextAsync("/dashboard/challenges"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Actions))]
    public async Task AFormWithoutTheAntiforgeryToken_IsRefusedWith400_AndChangesNothing(string path)
    {
        using var client = await DashboardClient.SignedInAsync(_host, DashboardClient.Grant(A));

        using var response = await client.PostAsync(path, ("from", "bank"), ("channel", _a.ChannelId), ("day", "off"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await DashboardSeed.ChallengeAsync(_host, _a.ChallengeId)).IsOpen);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/dashboard")).StatusCode);
    }

    [Fact]
    public async Task AnAntiforgeryTokenOfAnotherSession_IsRefused()
    {
        using var a = await DashboardClient.SignedInAsync(_host, DashboardClient.Grant(A));
        using var b = await DashboardClient.SignedInAsync(_host, DashboardClient.Grant(B));
        var bPage = await b.GetTextAsync("/dashboard/challenges");

        using var response = await a.PostFormAsync("/dashboard/challenges/close", bPage);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await DashboardSeed.ChallengeAsync(_host, _a.ChallengeId)).IsOpen);
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        using var client = await DashboardClient.SignedInAsync(_host, DashboardClient.Grant(A));

        (await client.PostFormAsync("/dashboard/sign-out", await client.GetTextAsync("/dashboard"))).Dispose();

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/dashboard")).StatusCode);
    }

    [Fact]
    public async Task TheSessionCookie_IsHttpOnlyLaxAndScopedToTheDashboard_AndPagesCarryTheSecurityHeaders()
    {
        var link = await DashboardClient.IssueAsync(_host, DashboardClient.Grant(A));
        using var client = new DashboardClient(_host.BaseAddress!);
        using var signIn = await client.SignInAsync(link);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("coachbot.dashboard=", StringComparison.Ordinal)).ToLowerInvariant();

        using var page = await client.GetAsync("/dashboard");

        Assert.Contains("httponly", cookie, StringComparison.Ordinal);
        Assert.Contains("samesite=lax", cookie, StringComparison.Ordinal);
        Assert.Contains("path=/dashboard", cookie, StringComparison.Ordinal);
        Assert.DoesNotContain("secure", cookie, StringComparison.Ordinal); // plain http here; Secure over https
        var csp = string.Join(";", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", csp, StringComparison.Ordinal);
        Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", page.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task AModeratorNoLongerListed_IsRefusedOnActions_AndTheRefusalIsAudited()
    {
        await using var host = await RealHost.StartAsync(services =>
            services.AddSingleton<IModeratorDirectory>(new FixedModeratorDirectory(ChatPlatform.Discord, moderator: false)));
        var seeded = await DashboardSeed.CommunityAsync(host, A, "alpha");
        using var client = await DashboardClient.SignedInAsync(host, DashboardClient.Grant(A));

        using var response = await client.PostFormAsync("/dashboard/challenges/close", await client.GetTextAsync("/dashboard/challenges"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.True((await DashboardSeed.ChallengeAsync(host, seeded.ChallengeId)).IsOpen);
        Assert.Contains("challenge.close.refused", await client.GetTextAsync("/dashboard/audit"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADiscordModeratorWhoseRoleWasTakenAway_IsRefusedOnActions_WhileOneStillHoldingItActs()
    {
        const string guild = FakeDiscordEvents.GuildId;
        const string moderatorRole = "300000000000000001";
        await using var discord = await FakeDiscordServer.StartAsync();
        discord.AddGuild(guild, ownerId: "100000000000000001");
        discord.AddRole(guild, moderatorRole, permissions: 1UL << 5); // Manage Server
        discord.SetMember(guild, FakeDiscordEvents.UserId, moderatorRole);
        discord.SetMember(guild, FakeDiscordEvents.OtherUserId, moderatorRole);
        await using var host = await EndToEnd.PrivateRefusalsEndToEndTests.StartDiscordHostAsync(discord);
        var seeded = await DashboardSeed.CommunityAsync(host, guild, "alpha");
        using var demoted = await DashboardClient.SignedInAsync(host, DashboardClient.Grant(guild, FakeDiscordEvents.UserId));
        using var kept = await DashboardClient.SignedInAsync(host, DashboardClient.Grant(guild, FakeDiscordEvents.OtherUserId));

        discord.SetMember(guild, FakeDiscordEvents.UserId); // the role is taken away on Discord
        using var refused = await demoted.PostFormAsync("/dashboard/challenges/close", await demoted.GetTextAsync("/dashboard/challenges"));
        var stillOpen = (await DashboardSeed.ChallengeAsync(host, seeded.ChallengeId)).IsOpen;
        using var allowed = await kept.PostFormAsync("/dashboard/challenges/close", await kept.GetTextAsync("/dashboard/challenges"));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.True(stillOpen);
        Assert.Equal(HttpStatusCode.Redirect, allowed.StatusCode);
        Assert.False((await DashboardSeed.ChallengeAsync(host, seeded.ChallengeId)).IsOpen);
        Assert.Contains("challenge.close.refused", await demoted.GetTextAsync("/dashboard/audit"), StringComparison.Ordinal);
        Assert.NotEmpty(discord.RequestsTo("GET", $"/guilds/{guild}/members/{FakeDiscordEvents.UserId}"));
    }

    [Fact]
    public async Task ADiscordModeratorWhoLeftTheServer_IsRefusedAPost()
    {
        const string guild = FakeDiscordEvents.GuildId;
        await using var discord = await FakeDiscordServer.StartAsync();
        discord.AddGuild(guild, ownerId: FakeDiscordEvents.UserId);
        discord.SetMember(guild, FakeDiscordEvents.UserId);
        await using var host = await EndToEnd.PrivateRefusalsEndToEndTests.StartDiscordHostAsync(discord);
        var seeded = await DashboardSeed.CommunityAsync(host, guild, "alpha", closed: true);
        using var client = await DashboardClient.SignedInAsync(host, DashboardClient.Grant(guild, FakeDiscordEvents.UserId));

        discord.RemoveMember(guild, FakeDiscordEvents.UserId);
        using var refused = await client.PostFormAsync("/dashboard/challenges/post", await client.GetTextAsync("/dashboard/challenges"), ("from", "bank"), ("channel", seeded.ChannelId));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.DoesNotContain(discord.Requests, r => r.Method == "POST" && r.Path.Contains("/channels/", StringComparison.Ordinal));
        Assert.Contains("challenge.post.refused", await client.GetTextAsync("/dashboard/audit"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnSlack_TheOperatorsLinkActs_WhileAMemberNotInTheModeratorList_IsRefused()
    {
        await using var slack = await FakeSlackServer.StartAsync();
        await using var host = await EndToEnd.PrivateRefusalsEndToEndTests.StartSlackHostAsync(slack);
        var team = slack.Options.TeamId;
        var seeded = await DashboardSeed.CommunityAsync(host, team, "alpha", platform: ChatPlatform.Slack);
        using var member = await DashboardClient.SignedInAsync(host, new DashboardGrant(ChatPlatform.Slack, team, "U333", "Member"));
        using var operatorClient = await DashboardClient.SignedInAsync(host, DashboardGrant.ForOperator(ChatPlatform.Slack, team));

        using var refused = await member.PostFormAsync("/dashboard/challenges/close", await member.GetTextAsync("/dashboard/challenges"));
        using var allowed = await operatorClient.PostFormAsync("/dashboard/challenges/close", await operatorClient.GetTextAsync("/dashboard/challenges"));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, allowed.StatusCode);
        Assert.False((await DashboardSeed.ChallengeAsync(host, seeded.ChallengeId)).IsOpen);
    }

    [Theory]
    [InlineData(ChatPlatform.Discord)]
    [InlineData(ChatPlatform.Slack)]
    [InlineData(ChatPlatform.Terminal)]
    public async Task TheOperatorsSession_MayActWhereThePlatformKnowsNoOperator_AuditedAsTheOperator_WhileAChatModeratorIsRefused(ChatPlatform platform)
    {
        await using var host = await RealHost.StartAsync(services =>
            services.AddSingleton<IModeratorDirectory>(new FixedModeratorDirectory(platform, moderator: false)));
        var seeded = await DashboardSeed.CommunityAsync(host, A, "alpha", platform: platform);
        using var chatModerator = await DashboardClient.SignedInAsync(host, new DashboardGrant(platform, A, "U0MOD", "Mod"));
        using var operatorClient = await DashboardClient.SignedInAsync(host, DashboardGrant.ForOperator(platform, A));

        using var refused = await chatModerator.PostFormAsync("/dashboard/challenges/close", await chatModerator.GetTextAsync("/dashboard/challenges"));
        using var allowed = await operatorClient.PostFormAsync("/dashboard/challenges/close", await operatorClient.GetTextAsync("/dashboard/challenges"));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, allowed.StatusCode);
        Assert.False((await DashboardSeed.ChallengeAsync(host, seeded.ChallengeId)).IsOpen);
        var audit = await host.Services.GetRequiredService<DashboardQueries>().AuditAsync(platform.ToString().ToLowerInvariant() + ":" + A, "challenge.close", CancellationToken.None);
        Assert.Contains(audit, e => e.Action == "challenge.close" && e.ActorKey == platform.ToString().ToLowerInvariant() + ":operator" && e.ActorName == "operator");
        Assert.Contains(audit, e => e.Action == "challenge.close.refused" && e.ActorName == "Mod");
    }

    [Fact]
    public async Task WithAManagementListener_TheDashboardIsNotServedOnIt()
    {
        var managementPort = FreePort();
        await using var host = await RealHost.StartAsync("--Http:ManagementUrls=http://127.0.0.1:" + managementPort);
        var addresses = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Select(a => new Uri(a)).ToList();
        var management = Assert.Single(addresses, a => a.Port == managementPort);
        var publicAddress = Assert.Single(addresses, a => a.Port != managementPort);
        var link = await host.Services.GetRequiredService<DashboardLinks>().IssueAsync(DashboardClient.Grant(A), CancellationToken.None, management);
        using var http = new HttpClient();

        using var onManagement = await http.GetAsync(link);
        using var onPublic = await http.GetAsync(new Uri(publicAddress, link.PathAndQuery));

        Assert.Equal(HttpStatusCode.NotFound, onManagement.StatusCode);
        Assert.Equal(HttpStatusCode.OK, onPublic.StatusCode);
    }

    private static int FreePort() => Durability.BotOsProcess.FreePort();

    private sealed class FixedModeratorDirectory(ChatPlatform platform, bool moderator) : IModeratorDirectory
    {
        public ChatPlatform Platform => platform;

        public Task<bool?> IsModeratorAsync(string communityId, string userId, CancellationToken cancellationToken) => Task.FromResult<bool?>(moderator);
    }
}
