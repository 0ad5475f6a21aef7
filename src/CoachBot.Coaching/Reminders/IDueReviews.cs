namespace CoachBot.Coaching.Reminders;

/// <summary>What a reminder is about: how many things the member has due, and how to say it.</summary>
public interface IDueReviews
{
    Task<int> DueCountAsync(string userKey, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The reminder's sentence for <paramref name="count"/> due items (count ≥ 1).</summary>
    string Describe(int count);

    /// <summary>The command that works through them.</summary>
    string Command { get; }
}
