namespace CoachBot.Core.Replies;

public enum ReplyPlacement
{
    /// <summary>Answer where the request was made (the same thread, or the channel).</summary>
    Reply,

    /// <summary>
    /// Keep the follow-ups together, for multi-turn flows such as answers and interviews. An intent, decided once by the
    /// feature; each adapter maps it: a new thread under a question asked in a channel, the same thread when the
    /// request already came from one, in place in a DM; the terminal has no threads and ignores it.
    /// </summary>
    Thread,

    /// <summary>Replace the message whose button was clicked (quiz question updated in place).</summary>
    UpdateSource,
}
