namespace CoachBot.Discord.Models;

public sealed class SessionStartLimit
{
    public int Total { get; init; }

    public int Remaining { get; init; }

    /// <summary>Milliseconds until the daily identify budget resets.</summary>
    public long ResetAfter { get; init; }

    public int MaxConcurrency { get; init; } = 1;
}
