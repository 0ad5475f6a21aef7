using CoachBot.Core.Conversations;
using CoachBot.Core.Replies.Streaming;

namespace CoachBot.Core.Dispatch;

/// <summary>Something a person did that the coach must answer. Adapters translate platform events into one of the subtypes.</summary>
public abstract record CoachRequest(CommandContext Context)
{
    /// <summary>
    /// Where a reply written piece by piece (a streamed answer) shows its text so far, when the adapter can show it
    /// (an editable message, a stream); null where the reply can only be delivered once, complete (an ephemeral answer).
    /// </summary>
    public IReplyProgress? Progress { get; init; }
}
