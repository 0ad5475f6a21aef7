namespace CoachBot.Discord.Tests.Commands;

public sealed class CommandRegistrationTests
{
    [Fact]
    public async Task WithGuildIds_BulkOverwritesEachGuild_WithModeratorPermissionOnModeratorCommands()
    {
        await using var test = await DiscordTestHost.StartAsync(s =>
        {
            s["Discord:GuildIds:0"] = "123456789012345678";
            s["Discord:GuildIds:1"] = "223456789012345678";
        });

        await test.Server.WaitUntilAsync(() => test.Server.RequestsTo("PUT", "/commands").Count == 2, "two guild registrations");

        var puts = test.Server.RequestsTo("PUT", "/commands");
        Assert.Equal(
            [$"/api/v10/applications/{test.Server.Options.ApplicationId}/guilds/123456789012345678/commands", $"/api/v10/applications/{test.Server.Options.ApplicationId}/guilds/223456789012345678/commands"],
            puts.Select(p => p.Path).Order());
        var commands = puts[0].Body!.AsArray();
        Assert.Equal(["ask", "help", "long", "post", "quiz", "submit"], commands.Select(c => c!["name"]!.GetValue<string>()).Order());
        var post = commands.Single(c => c!["name"]!.GetValue<string>() == "post")!;
        Assert.Equal("32", post["default_member_permissions"]!.GetValue<string>());
        var ask = commands.Single(c => c!["name"]!.GetValue<string>() == "ask")!;
        Assert.Null(ask["default_member_permissions"]);
        Assert.Null(ask["contexts"]);
        var quizOptions = commands.Single(c => c!["name"]!.GetValue<string>() == "quiz")!["options"]!.AsArray();
        Assert.Equal("skill", quizOptions[0]!["name"]!.GetValue<string>());
        Assert.True(quizOptions[0]!["required"]!.GetValue<bool>());
        Assert.Equal(2, quizOptions[0]!["choices"]!.AsArray().Count);
        Assert.Equal(4, quizOptions[1]!["type"]!.GetValue<int>());
        Assert.Equal(1, quizOptions[1]!["min_value"]!.GetValue<int>());
        Assert.Equal(20, quizOptions[1]!["max_value"]!.GetValue<int>());
        Assert.Equal($"Bot {test.Server.Options.Token}", puts[0].Header("Authorization"));
        Assert.StartsWith("DiscordBot (https://", puts[0].Header("User-Agent"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutGuildIds_RegistersGlobally_WithContexts()
    {
        await using var test = await DiscordTestHost.StartAsync();

        var put = await test.Server.WaitForRequestAsync(r => r.Method == "PUT", "the registration");

        Assert.Equal($"/api/v10/applications/{test.Server.Options.ApplicationId}/commands", put.Path);
        var commands = put.Body!.AsArray();
        var ask = commands.Single(c => c!["name"]!.GetValue<string>() == "ask")!;
        Assert.Equal([0, 1], ask["contexts"]!.AsArray().Select(n => n!.GetValue<int>()));
        var post = commands.Single(c => c!["name"]!.GetValue<string>() == "post")!;
        Assert.Equal([0], post["contexts"]!.AsArray().Select(n => n!.GetValue<int>()));
    }
}
