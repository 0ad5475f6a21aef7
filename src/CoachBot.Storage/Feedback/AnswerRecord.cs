namespace CoachBot.Storage.Feedback;

/// <summary>
/// A question the coach was asked and what it did with it (the question log): the question, the decision (answered,
/// partly, declined), the sources it cited, retrieval's scores and whether it was composed offline. A 👍 / 👎 click
/// (even after a restart) finds its answer here. Kept for the longer of the vote window and Dashboard:QuestionLogDays.
/// </summary>
public sealed class AnswerRecord
{
    /// <summary>Lowercase hex, random: it travels in button ids.</summary>
    public const int IdLength = 16;

    public const int QuestionLength = 1000;

    public const int SourcesLength = 2000;

    public const int GuidesLength = 1000;

    public const int ScoresLength = 2000;

    public string Id { get; set; } = "";

    public string CommunityKey { get; set; } = "";

    public string ConversationKey { get; set; } = "";

    /// <summary>Who asked (a <c>UserIdentity.Key</c>).</summary>
    public string AskerKey { get; set; } = "";

    public string Question { get; set; } = "";

    /// <summary>The cited sections as displayed ("Guide › Section"), one per line, in citation order.</summary>
    public string Sources { get; set; } = "";

    /// <summary>The guide ids of the cited sections, one per line, in citation order.</summary>
    public string SourceGuides { get; set; } = "";

    /// <summary>Retrieval's ranked passages, one per line: <c>passage-id score [similarity]</c> (invariant culture).</summary>
    public string Scores { get; set; } = "";

    /// <summary>Retrieval's confidence that the guides cover the question, in [0, 1].</summary>
    public double Confidence { get; set; }

    /// <summary>True when the answer was composed from the guide's own words without the model.</summary>
    public bool Offline { get; set; }

    /// <summary>Answered, partly answered or declined (declines carry no 👍 / 👎 buttons, but are logged).</summary>
    public QuestionDecision Decision { get; set; }

    public DateTimeOffset AnsweredAt { get; set; }
}
