namespace CoachBot.Core.Replies.Streaming;

/// <summary>
/// Where a reply that is still being written (an answer streamed from the model) shows its text so far. Adapters
/// implement it for their platform (an edited message, a Slack stream, the console) and hand it to the core on the
/// request (<see cref="Dispatch.CoachRequest.Progress"/>); features report, never knowing where the text goes. The
/// finished reply is still returned as usual and replaces whatever was shown.
/// </summary>
public interface IReplyProgress
{
    /// <summary>
    /// Called as the text grows; <paramref name="textSoFar"/> renders the whole text so far (Markdown, cleaned like a
    /// reply's text) and is invoked only when the text will be shown, so a paced implementation costs nothing between
    /// updates. Never blocks on the platform and never throws.
    /// </summary>
    void Report(Func<string> textSoFar);
}
