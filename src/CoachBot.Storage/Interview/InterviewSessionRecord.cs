namespace CoachBot.Storage.Interview;

/// <summary>
/// One mock interview a person is taking in one conversation, persisted after every step so a restart resumes at the
/// same question. At most one <see cref="InterviewSessionStatus.Active"/> interview per user, channel and thread (a
/// filtered unique index enforces it). Finished interviews stay, with <see cref="AverageScore"/> and
/// <see cref="LevelEstimate"/> set, for <c>/progress</c>.
/// </summary>
public sealed class InterviewSessionRecord
{
    public const int IdLength = 32;

    public const int QuestionIdsLength = 1000;

    public const int LevelLength = 16;

    public const int TrackLength = 32;

    public string Id { get; set; } = "";

    /// <summary><c>platform:communityId</c> (see <c>ConversationKey.CommunityKey</c>).</summary>
    public string CommunityKey { get; set; } = "";

    /// <summary>The channel the interview was started in, without a thread (<c>ConversationKey.Channel</c>).</summary>
    public string ChannelKey { get; set; } = "";

    /// <summary>
    /// The thread the interview runs in, or "" while it is not bound to one yet (started in a channel: the first answer
    /// the person posts in a thread of that channel binds it). Never null, so the unique index treats "" as a value.
    /// </summary>
    public string ThreadId { get; set; } = "";

    /// <summary><c>platform:userId</c>.</summary>
    public string UserKey { get; set; } = "";

    /// <summary><c>junior</c>, <c>mid</c>, <c>senior</c> or <c>lead</c>.</summary>
    public string Level { get; set; } = "";

    /// <summary>A bank track (e.g. <c>databases</c>), or <c>mixed</c>.</summary>
    public string Track { get; set; } = "";

    /// <summary>The bank question ids in the order asked, separated by '\n'.</summary>
    public string QuestionIds { get; set; } = "";

    public int QuestionCount { get; set; }

    /// <summary>The index of the question awaiting an answer (equals <see cref="QuestionCount"/> once all are done).</summary>
    public int CurrentIndex { get; set; }

    public InterviewSessionStatus Status { get; set; } = InterviewSessionStatus.Active;

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset LastActivityAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>Mean score (1–5) of the scored answers once the interview is over; null while active or when nothing was scored.</summary>
    public double? AverageScore { get; set; }

    /// <summary>The level the answers suggest (<c>junior</c> … <c>lead</c>) once the interview is over.</summary>
    public string? LevelEstimate { get; set; }

    /// <summary>Optimistic concurrency token, bumped on every change.</summary>
    public int Version { get; set; }

    public List<InterviewAnswerRecord> Answers { get; set; } = [];

    public IReadOnlyList<string> QuestionIdList() =>
        QuestionIds.Length == 0 ? [] : QuestionIds.Split('\n');
}
