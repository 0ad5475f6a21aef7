using System.Globalization;
using CoachBot.Coaching.Challenges;
using CoachBot.Core.Commands;
using CoachBot.Core.Conversations;
using CoachBot.Core.Dispatch;
using CoachBot.Core.Replies;
using CoachBot.Storage.Reminders;

namespace CoachBot.Coaching.Reminders;

/// <summary>
/// <c>/remind on [day] [time] [timezone]</c> and <c>/remind off</c>: opt in to a DM when reviews are due, at most once a
/// day at the chosen local time (every day, or one weekday), never in a channel.
/// </summary>
public sealed class RemindCommand(IReminderStore store, TimeProvider time) : ICommandHandler
{
    public const string Name = "remind";
    public const string On = "on";
    public const string Off = "off";
    public const string DayOption = "day";
    public const string TimeOption = "time";
    public const string TimeZoneOption = "timezone";
    public const string Daily = "daily";

    public CommandDefinition Definition { get; } = new(Name, "Get a DM when you have reviews due, at most once a day (opt-in)")
    {
        Subcommands =
        [
            new CommandDefinition(On, "Turn review reminders on (a DM at your chosen time)")
            {
                Options =
                [
                    new CommandOption(DayOption, "Every day (default) or one weekday")
                    {
                        Choices = new[] { Daily }.Concat(Enum.GetNames<DayOfWeek>().Select(d => d.ToLowerInvariant())).Select(d => new OptionChoice(d, d)).ToList(),
                    },
                    new CommandOption(TimeOption, "Local time, HH:MM (default 18:00)") { MaxLength = 5 },
                    new CommandOption(TimeZoneOption, "Time zone, e.g. Europe/Berlin (default UTC)") { MaxLength = 64 },
                ],
            },
            new CommandDefinition(Off, "Turn review reminders off"),
        ],
        Examples = ["/remind on daily 18:30 Europe/Berlin", "/remind off"],
    };

    public ReplyVisibility FirstReplyVisibility(CommandRequest request) => ReplyVisibility.Ephemeral;

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var user = request.Context.User;
        if (string.Equals(request.Subcommand, Off, StringComparison.OrdinalIgnoreCase))
        {
            var stopped = await store.DisableAsync(user.Key, RemindersText.StoppedOff, time.GetUtcNow(), cancellationToken);
            return Reply.One(Reply.Ephemeral(stopped ? "Reminders are off. `/remind on` brings them back." : "Reminders were already off."));
        }

        if (!string.Equals(request.Subcommand, On, StringComparison.OrdinalIgnoreCase))
        {
            return Reply.One(Reply.Ephemeral($"Usage: `{Definition.Usage()}`, e.g. `/remind on daily 18:30 Europe/Berlin` or `/remind off`."));
        }

        if (user.Platform == ChatPlatform.Terminal)
        {
            return Reply.One(Reply.Ephemeral("Reminders come as direct messages on Discord or Slack; the terminal can't receive them."));
        }

        if (!TryParseDay(request.Option(DayOption), out var day))
        {
            return Reply.One(Reply.Ephemeral("Pick `daily` or a weekday (`monday` … `sunday`) for the day."));
        }

        if (!TryParseTime(request.Option(TimeOption) ?? "18:00", out var hour, out var minute))
        {
            return Reply.One(Reply.Ephemeral("Give the time as HH:MM in 24 hours, e.g. `18:30`."));
        }

        var zoneId = request.Option(TimeZoneOption) ?? "UTC";
        if (!WeeklySchedule.TryFindTimeZone(zoneId, out var zone))
        {
            return Reply.One(Reply.Ephemeral("I don't know that time zone. Use an IANA name such as `Europe/Berlin`, `America/New_York` or `UTC`."));
        }

        var now = time.GetUtcNow();
        await store.SaveAsync(
            new MemberReminder
            {
                UserKey = user.Key,
                Platform = user.Platform.ToString().ToLowerInvariant(),
                UserId = user.UserId,
                Enabled = true,
                Day = day,
                Hour = hour,
                Minute = minute,
                TimeZoneId = zone.Id,
                EffectiveFrom = now,
                UpdatedAt = now,
            },
            cancellationToken);
        var when = string.Create(CultureInfo.InvariantCulture, $"{(day is { } d ? "every " + d : "every day")} at {hour:00}:{minute:00} ({zone.Id})");
        return Reply.One(Reply.Ephemeral($"Reminders are on: a direct message {when} when you have something to review, never more than once a day. `/remind off` stops them."));
    }

    public static bool TryParseDay(string? text, out DayOfWeek? day)
    {
        day = null;
        if (text is null || text.Equals(Daily, StringComparison.OrdinalIgnoreCase) || text.Equals("everyday", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (text.Length >= 3)
        {
            foreach (var candidate in Enum.GetValues<DayOfWeek>())
            {
                if (candidate.ToString().StartsWith(text, StringComparison.OrdinalIgnoreCase))
                {
                    day = candidate;
                    return true;
                }
            }
        }

        return false;
    }

    public static bool TryParseTime(string text, out int hour, out int minute)
    {
        ArgumentNullException.ThrowIfNull(text);
        hour = minute = 0;
        if (!TimeOnly.TryParseExact(text.Trim(), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return false;
        }

        hour = parsed.Hour;
        minute = parsed.Minute;
        return true;
    }
}
