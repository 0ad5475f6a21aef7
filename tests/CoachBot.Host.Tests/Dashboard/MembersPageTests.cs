using CoachBot.Host.Tests.EndToEnd;

namespace CoachBot.Host.Tests.Dashboard;

/// <summary>
/// The Members page lists everyone with data in the community, whatever they did: here one member who only took a quiz
/// and one who only asked a question, both through the real host on FakeDiscord, each with their numbers and their competency map.
/// </summary>
public sealed partial class MembersPageTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task AMemberWhoOnlyQuizzed_AndOneWhoOnlyAsked_AreListed_WithTheirNumbers()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        await using var host = await PrivateRefusalsEndToEndTests.StartDiscordHostAsync(discord);
        await FirstQuizAnswer.MissOnDiscordAsync(discord, host); // "Alice": one databases question, answered wrong
        var ask = FakeDiscordEvents.SlashCommand("ask", [FakeDiscordEvents.Option("question", "which database should I learn first?")], userId: FakeDiscordEvents.OtherUserId);
        ask["member"]!["nick"] = "Bob";
        var asked = await discord.SendInteractionAsync(ask);
        await discord.WaitUntilAsync(() => discord.RequestsTo("PATCH", asked.Token).Count > 0 || asked.CallbackType == 4, "the answer", Guard);
        using var client = await DashboardClient.SignedInAsync(host, DashboardClient.Grant(FakeDiscordEvents.GuildId));

        var members = await client.GetTextAsync("/dashboard/members");
        var links = MemberLink().Matches(members).ToDictionary(m => m.Groups[2].Value, m => m.Groups[1].Value, StringComparer.Ordinal);
        var alice = await client.GetTextAsync(links["Alice"]);
        var bob = await client.GetTextAsync(links["Bob"]);

        Assert.Equal(2, links.Count);
        Assert.Contains("<td>databases</td><td>1</td><td>0</td>", alice, StringComparison.Ordinal);
        Assert.Contains("Questions asked<b>0</b>", alice, StringComparison.Ordinal);
        Assert.Contains("Questions asked<b>1</b>", bob, StringComparison.Ordinal);
        Assert.Contains("No quiz answers yet.", bob, StringComparison.Ordinal);
        // The competency map (#17) per skill: Alice's one wrong databases answer is 0 % on one answer; Bob tried nothing.
        Assert.Matches("<td>[^<]*[Dd]atabase[^<]*</td><td>0 %</td><td>1</td>", alice);
        Assert.DoesNotContain("<td>0 %</td>", bob, StringComparison.Ordinal);
        Assert.Contains("<td>not tried</td><td>0</td>", bob, StringComparison.Ordinal);
    }

    [GeneratedRegex("<a href=\"(/dashboard/members/[0-9]+)\">([^<]+)</a>")]
    private static partial Regex MemberLink();
}
