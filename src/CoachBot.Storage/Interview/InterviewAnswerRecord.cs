namespace CoachBot.Storage.Interview;

/// <summary>The outcome of one interview question: its score and which rubric points were covered or missed.</summary>
public sealed class InterviewAnswerRecord
{
    public const int PointsLength = 4000;

    public const int SourceLength = 16;

    public long Id { get; set; }

    public string SessionId { get; set; } = "";

    /// <summary>Position of the question in the interview (0-based).</summary>
    public int QuestionIndex { get; set; }

    public string QuestionId { get; set; } = "";

    public InterviewAnswerOutcome Outcome { get; set; }

    /// <summary>1–5 when <see cref="Outcome"/> is <see cref="InterviewAnswerOutcome.Scored"/>.</summary>
    public int? Score { get; set; }

    /// <summary>Strengths or covered rubric points, one per line.</summary>
    public string Strengths { get; set; } = "";

    /// <summary>Missing rubric points, one per line.</summary>
    public string MissingPoints { get; set; } = "";

    /// <summary><c>llm</c> or <c>offline</c>: who scored the answer.</summary>
    public string FeedbackSource { get; set; } = "";

    public DateTimeOffset AnsweredAt { get; set; }
}
