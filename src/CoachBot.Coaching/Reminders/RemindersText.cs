namespace CoachBot.Coaching.Reminders;

/// <summary>Reasons stored when reminders stop.</summary>
public static class RemindersText
{
    public const string StoppedOff = "off";
    public const string StoppedBlocked = "blocked";
}
