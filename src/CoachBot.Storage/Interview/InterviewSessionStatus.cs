namespace CoachBot.Storage.Interview;

/// <summary>Where a mock interview stands. Stored as text.</summary>
public enum InterviewSessionStatus
{
    /// <summary>Waiting for the answer to the question at <see cref="InterviewSessionRecord.CurrentIndex"/>.</summary>
    Active,

    /// <summary>Every question was answered or skipped.</summary>
    Completed,

    /// <summary>Ended early with <c>/interview end</c>.</summary>
    Ended,

    /// <summary>Closed after sitting idle longer than <c>Interview:IdleTimeoutMinutes</c>.</summary>
    Expired,
}
