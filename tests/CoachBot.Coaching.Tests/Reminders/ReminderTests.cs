using CoachBot.Coaching.Reminders;
using CoachBot.Storage.Reminders;

namespace CoachBot.Coaching.Tests.Reminders;

public sealed class ReminderTests
{
    // FeatureTestHost.DefaultStart: Monday 2026-03-02 10:00 UTC (Berlin is UTC+1 until 2026-03-29).
    private static readonly DateTimeOffset Monday = FeatureTestHost.DefaultStart;

    [Fact]
    public async Task TwoHostsOnOneDatabase_SendTheReminderExactlyOnceADay_ByDirectMessage_AndARestartDoesNotRepeatIt()
    {
        await using var bots = await ReminderHosts.StartAsync(Monday);
        await bots.MissAsync(2);
        var on = await bots.CommandAsync(RemindCommand.On, (RemindCommand.TimeOption, "18:00"));
        Assert.Equal(ReplyVisibility.Ephemeral, on.Visibility);
        Assert.Contains("every day at 18:00 (UTC)", on.Text, StringComparison.Ordinal);

        bots.Time.SetUtcNow(Monday.Date.AddHours(17).AddMinutes(59));
        await bots.TickBothAsync();
        Assert.Empty(bots.Dms.Sent);

        bots.Time.SetUtcNow(Monday.Date.AddHours(18));
        await bots.TickBothAsync();
        bots.Time.Advance(TimeSpan.FromMinutes(30));
        await bots.TickBothAsync();
        await using (var restarted = await FeatureTestHost.Create()
            .WithDataDirectory(bots.First.DataDirectory).WithClock(bots.Time)
            .WithSettings(new Dictionary<string, string?> { ["Reminders:SchedulerEnabled"] = "false" })
            .WithSqliteStorage()
            .AddFeatures(services => services.AddRemindersFeature().AddSingleton<IDirectMessenger>(bots.Dms))
            .StartAsync())
        {
            await restarted.Get<ReminderRunner>().RunOnceAsync(CancellationToken.None);
        }

        var sent = Assert.Single(bots.Dms.Sent);
        Assert.Equal("42", sent.UserId);
        Assert.Contains("2 review items due", sent.Reply.Text, StringComparison.Ordinal);
        Assert.Contains("/remind off", sent.Reply.Footer, StringComparison.Ordinal);

        bots.Time.SetUtcNow(Monday.Date.AddDays(1).AddHours(18).AddMinutes(1));
        await bots.TickBothAsync();
        Assert.Equal(2, bots.Dms.Sent.Count);
    }

    [Fact]
    public async Task TheChosenLocalTimeAndWeekday_AreKeptInTheMembersTimeZone_AcrossDaylightSaving()
    {
        await using var bots = await ReminderHosts.StartAsync(Monday);
        await bots.MissAsync(1);
        await bots.CommandAsync(RemindCommand.On, (RemindCommand.DayOption, "monday"), (RemindCommand.TimeOption, "19:30"), (RemindCommand.TimeZoneOption, "Europe/Berlin"));

        bots.Time.SetUtcNow(Monday.Date.AddHours(18).AddMinutes(29)); // 19:29 in Berlin (UTC+1)
        await bots.TickBothAsync();
        Assert.Empty(bots.Dms.Sent);
        bots.Time.SetUtcNow(Monday.Date.AddHours(18).AddMinutes(30)); // 19:30 in Berlin
        await bots.TickBothAsync();
        Assert.Single(bots.Dms.Sent);

        bots.Time.SetUtcNow(Monday.Date.AddDays(1).AddHours(18).AddMinutes(30)); // Tuesday: not the chosen day
        await bots.TickBothAsync();
        Assert.Single(bots.Dms.Sent);

        var afterDst = new DateTimeOffset(2026, 3, 30, 17, 30, 0, TimeSpan.Zero); // Monday 19:30 in Berlin (UTC+2)
        bots.Time.SetUtcNow(afterDst.AddMinutes(-1));
        await bots.TickBothAsync();
        Assert.Single(bots.Dms.Sent);
        bots.Time.SetUtcNow(afterDst);
        await bots.TickBothAsync();
        Assert.Equal(2, bots.Dms.Sent.Count);
    }

    [Fact]
    public async Task ADirectMessageRefusedAsBlocked_TurnsRemindersOff()
    {
        await using var bots = await ReminderHosts.StartAsync(Monday);
        await bots.MissAsync(3);
        await bots.CommandAsync(RemindCommand.On, (RemindCommand.TimeOption, "18:00"));
        bots.Dms.Outcome = DirectMessageOutcome.Blocked;

        bots.Time.SetUtcNow(Monday.Date.AddHours(18));
        await bots.TickBothAsync();
        bots.Time.SetUtcNow(Monday.Date.AddDays(1).AddHours(18));
        await bots.TickBothAsync();

        Assert.Single(bots.Dms.Sent);
        var reminder = await bots.First.Get<IReminderStore>().FindAsync(ReminderHosts.Ada.User.Key, CancellationToken.None);
        Assert.NotNull(reminder);
        Assert.False(reminder.Enabled);
        Assert.Equal(RemindersText.StoppedBlocked, reminder.StoppedReason);
    }

    [Fact]
    public async Task Off_StopsReminders_AndNothingDue_SendsNothing()
    {
        await using var bots = await ReminderHosts.StartAsync(Monday);
        await bots.CommandAsync(RemindCommand.On, (RemindCommand.TimeOption, "18:00"));

        bots.Time.SetUtcNow(Monday.Date.AddHours(18));
        await bots.TickBothAsync();
        Assert.Empty(bots.Dms.Sent); // nothing missed, nothing due

        await bots.MissAsync(1);
        Assert.Contains("off", (await bots.CommandAsync(RemindCommand.Off)).Text, StringComparison.Ordinal);
        bots.Time.SetUtcNow(Monday.Date.AddDays(1).AddHours(18));
        await bots.TickBothAsync();
        Assert.Empty(bots.Dms.Sent);
    }

    [Theory]
    [InlineData("25:00", RemindCommand.TimeOption, "HH:MM")]
    [InlineData("Mars/Olympus", RemindCommand.TimeZoneOption, "time zone")]
    [InlineData("someday", RemindCommand.DayOption, "weekday")]
    public async Task BadSettings_AreRefusedWithAHint(string value, string option, string hint)
    {
        await using var bots = await ReminderHosts.StartAsync(Monday);

        var reply = await bots.CommandAsync(RemindCommand.On, (option, value));

        Assert.Contains(hint, reply.Text, StringComparison.Ordinal);
        Assert.Null(await bots.First.Get<IReminderStore>().FindAsync(ReminderHosts.Ada.User.Key, CancellationToken.None));
    }
}
