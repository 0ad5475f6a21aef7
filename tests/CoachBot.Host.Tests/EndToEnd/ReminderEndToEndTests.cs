using CoachBot.Coaching.Reminders;
using Microsoft.Extensions.Time.Testing;

namespace CoachBot.Host.Tests.EndToEnd;

/// <summary>
/// Review reminders through the real host and the real adapters, on a fake clock shared by two hosts on one database:
/// a member misses a quiz question (the first of three) and turns reminders on with <c>/remind on</c> on the platform; when the clock reaches
/// the chosen time both hosts' schedulers tick, and the member gets exactly one DM (Discord: POST /users/@me/channels,
/// then the DM channel; Slack: conversations.open, then chat.postMessage into the D… channel), nothing in a channel;
/// more ticks that day send nothing more. On Slack the command is <c>/coach-remind</c> (Slack keeps /remind for itself),
/// and the confirmation and the DM tell the member to type that name; Discord keeps <c>/remind</c>.
/// </summary>
public sealed class ReminderEndToEndTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);
    private const string ReminderTitle = "Time for a short review";

    [Fact]
    public async Task Discord_RemindOnAfterAMissedQuestion_DeliversOneDirectMessageAtTheChosenTime_FromTwoHostsOnOneDatabase()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var discord = await FakeDiscordServer.StartAsync();
        await using var first = await PrivateRefusalsEndToEndTests.StartDiscordHostAsync(discord, UseClock(clock));

        await FirstQuizAnswer.MissOnDiscordAsync(discord, first);
        var at = clock.GetUtcNow().AddHours(2);
        var remind = await discord.SendInteractionAsync(FakeDiscordEvents.SlashCommand("remind",
        [
            PrivateRefusalsEndToEndTests.Subcommand("on",
                FakeDiscordEvents.Option("day", "daily"),
                FakeDiscordEvents.Option("time", at.ToString("HH:mm", CultureInfo.InvariantCulture)),
                FakeDiscordEvents.Option("timezone", "UTC")),
        ]));
        await discord.WaitUntilAsync(() => AllText(discord, remind).Contains("Reminders are on", StringComparison.Ordinal), "the confirmation", Guard);
        Assert.True(remind.RespondedPrivately);
        Assert.Contains("`/remind off`", AllText(discord, remind), StringComparison.Ordinal); // Discord keeps the plain name
        Assert.DoesNotContain("coach-remind", AllText(discord, remind), StringComparison.Ordinal);

        await using var second = await PrivateRefusalsEndToEndTests.StartDiscordHostAsync(discord, UseClock(clock), RealHost.SharingDataOf(first));
        await TickBothAsync(first, second); // before the chosen time: nothing
        Assert.Empty(ReminderPosts(discord));

        clock.Advance(TimeSpan.FromHours(2));
        var dm = await discord.WaitForRequestAsync(r => IsReminder(r), "the reminder DM", Guard);
        await TickBothAsync(first, second);

        var reminders = ReminderPosts(discord);
        Assert.Single(reminders);
        Assert.EndsWith("/channels/" + FakeDiscordServer.DirectMessageChannelOf(FakeDiscordEvents.UserId) + "/messages", dm.Path, StringComparison.Ordinal);
        Assert.Contains("1 review", dm.Body!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("/remind off", dm.Body.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains(discord.RequestsTo("POST", "/users/@me/channels"), r => r.Body?["recipient_id"]?.GetValue<string>() == FakeDiscordEvents.UserId);
        Assert.DoesNotContain(discord.Requests, r => r.Method == "POST" && r.Path.Contains("/channels/" + FakeDiscordEvents.ChannelId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Slack_RemindOnAfterAMissedQuestion_DeliversOneDirectMessageAtTheChosenTime_FromTwoHostsOnOneDatabase()
    {
        const string Member = "U222";
        const string Channel = "C111";
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var slack = await FakeSlackServer.StartAsync();
        await using var first = await PrivateRefusalsEndToEndTests.StartSlackHostAsync(slack, UseClock(clock));

        await FirstQuizAnswer.MissOnSlackAsync(slack, first, Member, Channel);
        var at = clock.GetUtcNow().AddHours(2);
        // Slack keeps /remind for itself: the manifest registers /coach-remind, and that is what Slack sends.
        await slack.SendEnvelopeAsync("slash_commands", FakeSlackPayloads.SlashCommand(
            "/coach-remind", "on daily " + at.ToString("HH:mm", CultureInfo.InvariantCulture) + " UTC", Member, Channel, slack.CreateResponseUrl()));
        var confirmation = await slack.WaitForResponsePostAsync(p => p.AllText.Contains("Reminders are on", StringComparison.Ordinal), Guard);
        Assert.Equal("ephemeral", confirmation.ResponseType);
        Assert.Contains("/coach-remind off", confirmation.AllText, StringComparison.Ordinal); // what to type on Slack
        Assert.DoesNotContain("/remind off", confirmation.AllText, StringComparison.Ordinal);

        await using var second = await PrivateRefusalsEndToEndTests.StartSlackHostAsync(slack, UseClock(clock), RealHost.SharingDataOf(first));
        await slack.WaitForConnectionAsync(2, Guard);
        await TickBothAsync(first, second); // before the chosen time: nothing
        Assert.Empty(SlackReminders(slack));

        clock.Advance(TimeSpan.FromHours(2));
        var dm = await slack.WaitForCallAsync("chat.postMessage", c => c.Ok && IsReminder(c.Body), Guard);
        await TickBothAsync(first, second);

        var reminders = SlackReminders(slack);
        Assert.Single(reminders);
        Assert.Equal(FakeSlackServer.DirectMessageChannelOf(Member), dm.Field("channel"));
        Assert.Contains("1 review", dm.Body.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("/coach-remind off", dm.Body.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("/remind off", dm.Body.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains(slack.CallsTo("conversations.open"), c => c.Ok && c.Field("users") == Member);
        Assert.DoesNotContain(slack.Messages, m => m.Channel == Channel && m.AllText.Contains(ReminderTitle, StringComparison.Ordinal));
        Assert.DoesNotContain(slack.ResponsePosts, p => p.AllText.Contains(ReminderTitle, StringComparison.Ordinal));
    }

    private static Action<IServiceCollection> UseClock(FakeTimeProvider clock) => services => services.AddSingleton<TimeProvider>(clock);

    /// <summary>Ticks of both hosts at once, besides their schedulers': before the time nothing is sent, after it the one claim stays the only send.</summary>
    private static async Task TickBothAsync(RealHost first, RealHost second)
    {
        for (var i = 0; i < 3; i++)
        {
            await Task.WhenAll(
                first.Services.GetRequiredService<ReminderRunner>().RunOnceAsync(CancellationToken.None),
                second.Services.GetRequiredService<ReminderRunner>().RunOnceAsync(CancellationToken.None));
        }
    }

    private static bool IsReminder(RecordedRequest request) =>
        request.Method == "POST" && request.Path.EndsWith("/messages", StringComparison.Ordinal) && IsReminder(request.Body);

    private static bool IsReminder(JsonNode? body) => body?.ToJsonString().Contains(ReminderTitle, StringComparison.Ordinal) == true;

    private static List<RecordedRequest> ReminderPosts(FakeDiscordServer discord) => [.. discord.Requests.Where(IsReminder)];

    private static List<FakeSlackApiCall> SlackReminders(FakeSlackServer slack) => [.. slack.CallsTo("chat.postMessage").Where(c => c.Ok && IsReminder(c.Body))];

    /// <summary>What the member saw of an interaction's answer: the first response and any edit or follow-up.</summary>
    private static string AllText(FakeDiscordServer discord, FakeInteraction interaction) =>
        interaction.CallbackContent + "\n" + string.Join('\n', discord.RequestsTo("PATCH", interaction.Token).Concat(discord.RequestsTo("POST", interaction.Token)).Select(r => r.Content));
}
