using System.ComponentModel.DataAnnotations;

namespace CoachBot.Coaching.Challenges;

/// <summary>Weekly challenges: where the bank is, when reminders go out and how often the scheduler looks. Section "Challenges".</summary>
public sealed class ChallengesOptions
{
    public const string SectionName = "Challenges";

    /// <summary>Folder with the challenge bank (<c>*.yaml</c>). Empty: <c>challenges/</c> inside the knowledge folder.</summary>
    public string? BankPath { get; set; }

    /// <summary>How long before the due time the reminder is posted.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "7.00:00:00", ErrorMessage = "Challenges:ReminderLeadTime must be between 00:05:00 and 7.00:00:00.")]
    public TimeSpan ReminderLeadTime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often the scheduler checks for due posts and reminders.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Challenges:TickInterval must be between 00:00:01 and 01:00:00.")]
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a challenge posted with <c>/challenge post</c> and no due time stays open.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "60.00:00:00", ErrorMessage = "Challenges:DefaultDuration must be between 01:00:00 and 60.00:00:00.")]
    public TimeSpan DefaultDuration { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// A claim still "posting" after this long is taken to belong to a process that died mid-post; it is abandoned with
    /// a log line rather than re-posted (the post may have gone out before the crash).
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00", ErrorMessage = "Challenges:ClaimTimeout must be between 00:01:00 and 1.00:00:00.")]
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Rows shown by <c>/challenge leaderboard</c>.</summary>
    [Range(1, 25, ErrorMessage = "Challenges:LeaderboardSize must be between 1 and 25.")]
    public int LeaderboardSize { get; set; } = 10;

    /// <summary>Turns the background scheduler off (commands still work); for hosts that only answer commands.</summary>
    public bool SchedulerEnabled { get; set; } = true;
}
