using CoachBot.Discord.Outbound;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoachBot.Discord.Tests.Outbound;

/// <summary>
/// The Discord moderator directory (the dashboard's re-check) against the fake's guild routes: the chat rule
/// (a configured moderator role, Manage Server or Administrator) worked out from GET /guilds/{id}/members/{user} and
/// GET /guilds/{id}.
/// </summary>
public sealed class ModeratorDirectoryTests
{
    private const string Guild = FakeDiscordEvents.GuildId;
    private const string Owner = "100000000000000001";
    private const string Member = FakeDiscordEvents.UserId;
    private const string ModeratorRole = "300000000000000001";
    private const string ManagersRole = "300000000000000002";
    private const string AdminsRole = "300000000000000003";
    private const string HelpersRole = "300000000000000004";

    [Fact]
    public async Task AConfiguredModeratorRole_MakesAModerator_WithoutReadingTheGuild()
    {
        await using var test = await StartAsync();
        test.Server.SetMember(Guild, Member, HelpersRole, ModeratorRole);

        Assert.True(await Directory(test).IsModeratorAsync(Guild, Member, CancellationToken.None));
        Assert.Single(test.Server.RequestsTo("GET", $"/guilds/{Guild}/members/{Member}"));
        Assert.DoesNotContain(test.Server.Requests, r => r.Path.EndsWith("/guilds/" + Guild, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(ManagersRole)]
    [InlineData(AdminsRole)]
    public async Task ARoleWithManageServerOrAdministrator_MakesAModerator(string role)
    {
        await using var test = await StartAsync();
        test.Server.SetMember(Guild, Member, HelpersRole, role);

        Assert.True(await Directory(test).IsModeratorAsync(Guild, Member, CancellationToken.None));
    }

    [Fact]
    public async Task TheOwner_IsAModerator_WithoutAnyRole()
    {
        await using var test = await StartAsync();
        test.Server.SetMember(Guild, Owner);

        Assert.True(await Directory(test).IsModeratorAsync(Guild, Owner, CancellationToken.None));
    }

    [Fact]
    public async Task ManageServerGrantedToEveryone_MakesEveryMemberAModerator()
    {
        await using var test = await StartAsync();
        test.Server.AddGuild(Guild, Owner, DiscordPermissions.ManageGuild);
        test.Server.SetMember(Guild, Member);

        Assert.True(await Directory(test).IsModeratorAsync(Guild, Member, CancellationToken.None));
    }

    [Fact]
    public async Task AMemberWithoutTheRoleOrThePermissions_IsNotAModerator()
    {
        await using var test = await StartAsync();
        test.Server.SetMember(Guild, Member, HelpersRole);

        Assert.False(await Directory(test).IsModeratorAsync(Guild, Member, CancellationToken.None));
    }

    [Fact]
    public async Task SomeoneWhoLeftTheGuild_IsNotAModerator()
    {
        await using var test = await StartAsync();
        test.Server.SetMember(Guild, Member, ModeratorRole);
        test.Server.RemoveMember(Guild, Member);

        Assert.False(await Directory(test).IsModeratorAsync(Guild, Member, CancellationToken.None));
        Assert.Equal(404, Assert.Single(test.Server.RequestsTo("GET", "/members/" + Member)).Status);
    }

    [Fact]
    public async Task ATimedOutManager_IsNotAModeratorUntilTheTimeoutEnds_ButATimedOutAdministratorIs()
    {
        await using var test = await StartAsync();
        test.Server.SetMember(Guild, Member, ManagersRole);
        test.Server.TimeOutMember(Guild, Member, DateTimeOffset.UtcNow.AddHours(1));
        test.Server.SetMember(Guild, FakeDiscordEvents.OtherUserId, AdminsRole);
        test.Server.TimeOutMember(Guild, FakeDiscordEvents.OtherUserId, DateTimeOffset.UtcNow.AddHours(1));

        Assert.False(await Directory(test).IsModeratorAsync(Guild, Member, CancellationToken.None));
        Assert.True(await Directory(test).IsModeratorAsync(Guild, FakeDiscordEvents.OtherUserId, CancellationToken.None));
    }

    [Fact]
    public async Task WhenDiscordIsDown_TheAnswerIsNull_ItIsLogged_AndNotKept()
    {
        await using var test = await StartAsync();
        test.Server.SetMember(Guild, Member, HelpersRole);
        test.Server.FailRequestsTo("/guilds/", 502);
        var directory = Directory(test);

        var down = await directory.IsModeratorAsync(Guild, Member, CancellationToken.None);
        test.Server.StopFailing();
        var back = await directory.IsModeratorAsync(Guild, Member, CancellationToken.None);

        Assert.Null(down);
        Assert.False(back);
        Assert.Contains(test.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("still a moderator", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WhenDiscordCannotBeReached_TheAnswerIsNull()
    {
        await using var test = await StartAsync(settings => settings["Discord:ApiBaseUrl"] = "http://127.0.0.1:9/api/v10");

        Assert.Null(await Directory(test).IsModeratorAsync(Guild, Member, CancellationToken.None));
    }

    [Fact]
    public async Task AnswersAreKeptFor30Seconds_ThenAskedAgain()
    {
        await using var test = await StartAsync();
        test.Server.SetMember(Guild, Member, ModeratorRole);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var directory = new DiscordModeratorDirectory(
            test.Host.Services.GetRequiredService<DiscordRestClient>(), test.Host.Services.GetRequiredService<IOptions<DiscordOptions>>(),
            clock, NullLogger<DiscordModeratorDirectory>.Instance);

        Assert.True(await directory.IsModeratorAsync(Guild, Member, CancellationToken.None));
        test.Server.SetMember(Guild, Member, HelpersRole);
        clock.Advance(DiscordModeratorDirectory.CacheFor - TimeSpan.FromSeconds(1));
        var kept = await directory.IsModeratorAsync(Guild, Member, CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(1));
        var renewed = await directory.IsModeratorAsync(Guild, Member, CancellationToken.None);

        Assert.True(kept);
        Assert.False(renewed);
    }

    [Theory]
    [InlineData("dm", Member)]
    [InlineData(Guild, "operator")]
    public async Task IdsDiscordNeverIssues_AreNotModerators_WithoutARequest(string community, string user)
    {
        await using var test = await StartAsync();

        Assert.False(await Directory(test).IsModeratorAsync(community, user, CancellationToken.None));
        Assert.Empty(test.Server.RequestsTo("GET", "/guilds/"));
    }

    private static Task<DiscordTestHost> StartAsync(Action<Dictionary<string, string?>>? configure = null) =>
        DiscordTestHost.StartAsync(
            settings =>
            {
                settings["Discord:ModeratorRoleIds:0"] = ModeratorRole;
                settings["Discord:MaxRetries"] = "0";
                configure?.Invoke(settings);
            },
            server =>
            {
                server.AddGuild(Guild, Owner, everyonePermissions: ulong.Parse(FakeDiscordEvents.MemberPermissions, CultureInfo.InvariantCulture));
                server.AddRole(Guild, ManagersRole, DiscordPermissions.ManageGuild);
                server.AddRole(Guild, AdminsRole, DiscordPermissions.Administrator);
                server.AddRole(Guild, HelpersRole, 1UL << 13);
            },
            waitForSession: false);

    private static IModeratorDirectory Directory(DiscordTestHost test) =>
        test.Host.Services.GetServices<IModeratorDirectory>().Single(d => d.Platform == ChatPlatform.Discord);
}
