namespace CoachBot.Core.Replies;

public enum ReplyPlacement
{
    /// <summary>Answer where the request was made (the same thread, or the channel).</summary>
    Reply,

    /// <summary>Start (or continue) a thread under the request, for multi-turn flows such as answers and interviews.</summary>
    Thread,

    /// <summary>Replace the message whose button was clicked (quiz question updated in place).</summary>
    UpdateSource,
}
