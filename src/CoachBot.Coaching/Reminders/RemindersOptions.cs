using System.ComponentModel.DataAnnotations;

namespace CoachBot.Coaching.Reminders;

/// <summary>Review reminders: how often the scheduler looks and how late a reminder may still go out. Section "Reminders".</summary>
public sealed class RemindersOptions
{
    public const string SectionName = "Reminders";

    /// <summary>How often the scheduler checks for due reminders.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Reminders:TickInterval must be between 00:00:01 and 01:00:00.")]
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A reminder whose time passed longer ago than this (the bot was down) is skipped that day, not sent late at night.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "12:00:00", ErrorMessage = "Reminders:LateWindow must be between 00:01:00 and 12:00:00.")]
    public TimeSpan LateWindow { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Turns the background scheduler off (<c>/remind</c> still saves settings); for hosts that only answer commands.</summary>
    public bool SchedulerEnabled { get; set; } = true;
}
