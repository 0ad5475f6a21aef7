using System.Globalization;
using CoachBot.Core.Conversations;
using CoachBot.Core.Outbound;
using CoachBot.Core.Replies;
using CoachBot.Storage.Reminders;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Coaching.Reminders;

/// <summary>
/// One reminder tick: for each member who opted in, on a platform this process has an adapter for, take the latest
/// reminder time within <see cref="RemindersOptions.LateWindow"/>; claim (member, local date) first, then count what is
/// due and DM them (never a channel). The claim row's unique index makes it at most once a day across instances and
/// restarts: a claim whose send failed or whose instance died is not retried. A DM refused as blocked turns the
/// reminder off.
/// </summary>
public sealed partial class ReminderRunner(
    IReminderStore store,
    IDueReviews due,
    DirectMessengers messengers,
    IOptions<RemindersOptions> options,
    TimeProvider time,
    ILogger<ReminderRunner> logger)
{
    public string InstanceId { get; } = string.Create(
        CultureInfo.InvariantCulture, $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}");

    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        foreach (var reminder in await store.ListEnabledAsync(cancellationToken))
        {
            try
            {
                await RunReminderAsync(reminder, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogReminderFailed(ex, reminder.Id);
            }
        }
    }

    private async Task RunReminderAsync(MemberReminder reminder, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<ChatPlatform>(reminder.Platform, ignoreCase: true, out var platform) || !messengers.Supports(platform))
        {
            // Another process (with that platform's adapter) may serve this member; claiming here would starve it.
            return;
        }

        if (ReminderSlot.For(reminder) is not { } slot)
        {
            LogUnknownTimeZone(reminder.Id, reminder.TimeZoneId);
            return;
        }

        var now = time.GetUtcNow();
        var notBefore = reminder.EffectiveFrom > now - options.Value.LateWindow ? reminder.EffectiveFrom : now - options.Value.LateWindow;
        if (slot.Latest(notBefore, now) is not { } at)
        {
            return;
        }

        var claim = new MemberReminderSend
        {
            UserKey = reminder.UserKey,
            LocalDate = slot.LocalDate(at),
            SlotAt = at,
            ClaimedBy = InstanceId,
            ClaimedAt = now,
            Status = ReminderSendStatus.Claimed,
        };
        if (!await store.TryClaimAsync(claim, cancellationToken))
        {
            return; // another instance has (or had) this member's reminder for that day
        }

        var count = await due.DueCountAsync(reminder.UserKey, now, cancellationToken);
        if (count == 0)
        {
            await store.CompleteAsync(claim.Id, ReminderSendStatus.NothingDue, now, cancellationToken);
            return;
        }

        DirectMessageOutcome outcome;
        try
        {
            outcome = await messengers.SendAsync(platform, reminder.UserId, Message(count, slot.Next(at)), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await store.CompleteAsync(claim.Id, ReminderSendStatus.Failed, time.GetUtcNow(), CancellationToken.None);
            LogSendFailed(ex, reminder.Id);
            return;
        }

        if (outcome == DirectMessageOutcome.Blocked)
        {
            await store.CompleteAsync(claim.Id, ReminderSendStatus.Blocked, time.GetUtcNow(), CancellationToken.None);
            await store.DisableAsync(reminder.UserKey, RemindersText.StoppedBlocked, time.GetUtcNow(), CancellationToken.None);
            LogBlocked(reminder.Id);
            return;
        }

        await store.CompleteAsync(claim.Id, ReminderSendStatus.Sent, time.GetUtcNow(), CancellationToken.None);
        LogSent(reminder.Id, claim.LocalDate);
    }

    private Reply Message(int count, DateTimeOffset next) => new()
    {
        Title = "Time for a short review",
        Text = due.Describe(count) + " A few minutes now keeps them fresh: `" + due.Command + "`.",
        Footer = string.Create(CultureInfo.InvariantCulture, $"You asked for this reminder; next one {next:yyyy-MM-dd HH:mm} UTC at the earliest. `/remind off` stops them."),
        Visibility = ReplyVisibility.Public,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent review reminder {ReminderId} for {LocalDate}")]
    private partial void LogSent(long reminderId, string localDate);

    [LoggerMessage(Level = LogLevel.Information, Message = "Review reminder {ReminderId}: the member cannot be messaged; reminders turned off")]
    private partial void LogBlocked(long reminderId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Review reminder {ReminderId} could not be sent; not retried today")]
    private partial void LogSendFailed(Exception exception, long reminderId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Review reminder {ReminderId} names an unknown time zone {TimeZone}")]
    private partial void LogUnknownTimeZone(long reminderId, string timeZone);

    [LoggerMessage(Level = LogLevel.Error, Message = "Review reminder {ReminderId} failed")]
    private partial void LogReminderFailed(Exception exception, long reminderId);
}
