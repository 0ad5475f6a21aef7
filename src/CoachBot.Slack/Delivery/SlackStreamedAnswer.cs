using CoachBot.Slack.Api;
using CoachBot.Slack.Rendering;
using Microsoft.Extensions.Logging;

namespace CoachBot.Slack.Delivery;

/// <summary>
/// One answer shown in a Slack thread while the model writes it, then finished with the complete reply. The first text
/// opens a stream (chat.startStream, with the asker as recipient in a channel) and later text is appended
/// (chat.appendStream). When Slack refuses the stream (the workspace or app can't stream, a missing scope…), the text
/// goes out as a normal message (chat.postMessage) that is edited (chat.update, a lower rate tier than the appends,
/// so at most every <see cref="UpdateInterval"/>). <see cref="FinishAsync"/> delivers the finished reply into the same
/// message: the rest of the text plus the sources, note and buttons (chat.stopStream), or, when the finished text is
/// not what was streamed (a stream that broke off and was replaced by the offline answer), the stream is stopped and
/// the message replaced with the finished reply (chat.update). Progress calls are made one at a time by
/// <see cref="CoachBot.Core.Replies.Streaming.PacedReplyProgress"/>, which also waits for the last one before the finish.
/// </summary>
public sealed partial class SlackStreamedAnswer(
    SlackApiClient api, SlackReplyTarget target, string? teamId, bool direct, TimeProvider time, ILogger logger)
{
    /// <summary>The least time between two chat.update edits of the fallback message (Tier 3: about 50 a minute per workspace).</summary>
    public static readonly TimeSpan UpdateInterval = TimeSpan.FromSeconds(3);

    private string _sent = string.Empty;
    private long _updatedAt;

    private enum Mode
    {
        NotStarted,
        Streaming,
        Updating,
        Finished,
    }

    private Mode _mode = Mode.NotStarted;

    /// <summary>The message that holds the answer (null until the first text was shown).</summary>
    public string? MessageTs { get; private set; }

    /// <summary>True while the thread holds a partial answer that <see cref="FinishAsync"/> must complete or replace.</summary>
    public bool Holds => MessageTs is not null && _mode is Mode.Streaming or Mode.Updating;

    /// <summary>Shows the text so far (Markdown as the core writes it).</summary>
    public async Task ShowAsync(string text, CancellationToken ct)
    {
        var thread = target.ThreadParentTs ?? target.ReplyThreadTs;
        switch (_mode)
        {
            case Mode.NotStarted when thread is not null:
                try
                {
                    MessageTs = await api.StartStreamAsync(
                        target.Channel, thread, SlackStreamMarkdown.Safe(text), direct ? null : target.UserId, direct ? null : teamId, ct);
                    _mode = Mode.Streaming;
                    _sent = text;
                }
                catch (SlackApiException ex)
                {
                    LogStreamRefused(ex.Error);
                    var posted = await api.PostMessageAsync(target.Channel, SoFar(text), thread, ct);
                    MessageTs = posted.Ts;
                    _mode = Mode.Updating;
                    _updatedAt = time.GetTimestamp();
                }

                break;
            case Mode.Streaming when SlackStreamMarkdown.Delta(_sent, text) is { Length: > 0 } delta:
                await api.AppendStreamAsync(target.Channel, MessageTs!, delta, ct);
                _sent = text;
                break;
            case Mode.Updating when time.GetElapsedTime(_updatedAt) >= UpdateInterval:
                _updatedAt = time.GetTimestamp();
                await api.UpdateMessageAsync(target.Channel, MessageTs!, SoFar(text), ct);
                break;
        }
    }

    /// <summary>
    /// Delivers the finished reply into the message that holds the partial one; returns the messages that did not fit
    /// and must follow in the thread (a very long reply), or null when there was nothing to finish.
    /// </summary>
    public async Task<IReadOnlyList<SlackMessage>?> FinishAsync(Reply reply, IReadOnlyList<SlackMessage> rendered, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(rendered);
        if (!Holds || rendered.Count == 0)
        {
            return null;
        }

        var mode = _mode;
        _mode = Mode.Finished;
        if (mode == Mode.Streaming && SlackStreamMarkdown.Delta(_sent, reply.Text) is { } rest && rest.Length <= SlackApiClient.MaxStreamMarkdown)
        {
            // The finished text continues what was streamed: append the rest, and the sources and buttons at the bottom.
            var extras = SlackReplyRenderer.Render(reply with { Text = string.Empty, Title = null });
            await api.StopStreamAsync(target.Channel, MessageTs!, rest, extras.Count > 0 ? extras[0].Blocks : null, ct);
            return extras.Count > 1 ? extras.Skip(1).ToList() : [];
        }

        if (mode == Mode.Streaming)
        {
            // A stream can only grow: stop it, then replace the message with the finished reply.
            await api.StopStreamAsync(target.Channel, MessageTs!, null, null, ct);
        }

        await api.UpdateMessageAsync(target.Channel, MessageTs!, rendered[0], ct);
        return rendered.Skip(1).ToList();
    }

    private static SlackMessage SoFar(string text) =>
        SlackReplyRenderer.Render(Reply.Public(text)) is { Count: > 0 } messages ? messages[0] : new SlackMessage("…", []);

    [LoggerMessage(Level = LogLevel.Information, Message = "chat.startStream refused ({Error}); showing the answer as an edited message instead")]
    private partial void LogStreamRefused(string error);
}
