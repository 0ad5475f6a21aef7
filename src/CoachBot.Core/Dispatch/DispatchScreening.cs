using CoachBot.Core.Replies;

namespace CoachBot.Core.Dispatch;

/// <summary>
/// What the dispatcher knows about a request before any work is done (no I/O, microseconds): either it is refused now
/// (rate limit, unknown command, not a moderator, input too long, unknown button) and <see cref="Refusal"/> holds the
/// private answer, or it will run and <see cref="FirstReplyVisibility"/> says whether its first reply is private. Adapters
/// that must acknowledge before the answer is known (Discord) use it to choose a private or public acknowledgement.
/// </summary>
public sealed record DispatchScreening
{
    internal DispatchScreening(CoachRequest request, IReadOnlyList<Reply>? refusal, ReplyVisibility firstReplyVisibility)
    {
        Request = request;
        Refusal = refusal;
        FirstReplyVisibility = refusal is null ? firstReplyVisibility : ReplyVisibility.Ephemeral;
    }

    /// <summary>The request as it will be handled (inputs cleaned).</summary>
    public CoachRequest Request { get; }

    /// <summary>Non-null when the request is refused: the whole answer, every reply of it ephemeral.</summary>
    public IReadOnlyList<Reply>? Refusal { get; }

    public bool IsRefused => Refusal is not null;

    /// <summary>Ephemeral when the first reply will be visible only to the caller (always so for a refusal).</summary>
    public ReplyVisibility FirstReplyVisibility { get; }
}
