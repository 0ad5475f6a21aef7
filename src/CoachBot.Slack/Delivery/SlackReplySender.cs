using System.Text.Json;
using CoachBot.Slack.Api;
using CoachBot.Slack.Commands;
using CoachBot.Slack.Inbound;
using CoachBot.Slack.Rendering;
using Microsoft.Extensions.Logging;

namespace CoachBot.Slack.Delivery;

/// <summary>
/// Sends the core's replies for one request: renders each with <see cref="SlackReplyRenderer"/> (the single path that
/// escapes and splits), then chooses the Slack call from Visibility and Placement — chat.postMessage (in a thread when
/// asked), chat.postEphemeral or the response_url for private answers, chat.update / replace_original for UpdateSource,
/// views.open for forms; image attachments are uploaded unshared first and shown in the reply by image blocks (sent
/// again while Slack still processes them, see <see cref="SlackImageRetry"/>); other files (an export) go to the
/// member's DM with the bot (<see cref="SlackPrivateFileSender"/>), and the reply says so. Commands the reply tells the
/// member to type are shown by their Slack names (<see cref="SlackCommandMentions"/>).
/// </summary>
public sealed partial class SlackReplySender(
    SlackApiClient api,
    SlackThreadTracker threads,
    SlackResponseUrlPolicy responseUrls,
    SlackImageRetry imageRetry,
    SlackPrivateFileSender privateFiles,
    SlackCommandMentions commandMentions,
    ILogger<SlackReplySender> logger)
{
    public async Task SendAsync(SlackReplyTarget target, IReadOnlyList<Reply> replies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(replies);
        if (target.ResponseUrl is { } responseUrl && !responseUrls.Allows(responseUrl, out var host))
        {
            // Without a response_url every path below uses the Web API (chat.postEphemeral / chat.postMessage), so
            // the member still gets the answer. Only the host is logged: the path is a credential.
            LogResponseUrlRefused(host);
            target = target with { ResponseUrl = null };
        }

        var current = target;
        foreach (var reply in replies)
        {
            try
            {
                current = await SendOneAsync(current, reply, cancellationToken);
            }
            catch (SlackApiException ex)
            {
                LogSendFailed(ex.Method, ex.Error, target.Channel);
            }
            catch (HttpRequestException ex)
            {
                LogSendFailed("http", ex.Message, target.Channel);
            }
        }
    }

    private async Task<SlackReplyTarget> SendOneAsync(SlackReplyTarget target, Reply reply, CancellationToken ct)
    {
        reply = commandMentions.InReply(reply);
        string? extra = null;
        if (reply.Form is { } form)
        {
            if (target.TriggerId is { } trigger && await TryOpenFormAsync(trigger, form, target, ct))
            {
                return target;
            }

            extra = form.FallbackText;
        }

        if (reply.Attachments.Where(a => !a.IsImage).ToList() is { Count: > 0 } files)
        {
            var where = await privateFiles.SendAsync(target.UserId, files, reply.Title, ct);
            extra = extra is null ? where : extra + "\n\n" + where;
        }

        var images = await UploadImagesAsync(reply, ct);
        var messages = SlackReplyRenderer.Render(reply, extra, images);
        if (messages.Count == 0)
        {
            return target;
        }

        if (reply.Visibility == ReplyVisibility.Public && reply.Placement != ReplyPlacement.UpdateSource
            && target.Stream is { Holds: true } stream && await TryFinishStreamAsync(target, stream, reply, messages, ct))
        {
            return target;
        }

        if (reply.Visibility == ReplyVisibility.Ephemeral)
        {
            await SendEphemeralAsync(target, reply, messages, ct);
            return target;
        }

        if (reply.Placement == ReplyPlacement.UpdateSource && target.SourceMessageTs is { } sourceTs)
        {
            if (target.SourceIsEphemeral && target.ResponseUrl is { } url)
            {
                await imageRetry.SendAsync(messages[0], (m, c) => Done(api.RespondAsync(url, m, SlackResponseKind.ReplaceOriginal, null, c)), ct);
            }
            else
            {
                await imageRetry.SendAsync(messages[0], (m, c) => Done(api.UpdateMessageAsync(target.Channel, sourceTs, m, c)), ct);
            }

            foreach (var more in messages.Skip(1))
            {
                await PostPublicAsync(target, more, target.ReplyThreadTs, ct);
            }

            return target;
        }

        var threadTs = reply.Placement == ReplyPlacement.Thread ? target.ThreadParentTs : target.ReplyThreadTs;
        string? root = null;
        foreach (var message in messages)
        {
            var posted = await PostPublicAsync(target, message, threadTs, ct);
            root ??= threadTs ?? posted;
        }

        // A Thread reply posted at top level becomes the parent of the conversation that follows.
        return reply.Placement == ReplyPlacement.Thread && target.ThreadParentTs is null && root is not null
            ? target with { ThreadParentTs = root }
            : target;
    }

    /// <summary>The finished answer goes into the message that showed it while it was written; false when that failed (it is then posted anew).</summary>
    private async Task<bool> TryFinishStreamAsync(SlackReplyTarget target, SlackStreamedAnswer stream, Reply reply, IReadOnlyList<SlackMessage> messages, CancellationToken ct)
    {
        IReadOnlyList<SlackMessage>? rest;
        try
        {
            rest = await stream.FinishAsync(reply, messages, ct);
        }
        catch (SlackApiException ex)
        {
            LogStreamFinishFailed(ex.Method, ex.Error);
            return false;
        }

        if (rest is null)
        {
            return false;
        }

        var thread = target.ThreadParentTs ?? target.ReplyThreadTs;
        await threads.TrackAsync(target.Channel, thread ?? stream.MessageTs!, ct);
        foreach (var more in rest)
        {
            await PostPublicAsync(target, more, thread, ct);
        }

        return true;
    }

    private async Task<string?> PostPublicAsync(SlackReplyTarget target, SlackMessage message, string? threadTs, CancellationToken ct)
    {
        try
        {
            var posted = await imageRetry.SendAsync(message, (m, c) => api.PostMessageAsync(target.Channel, m, threadTs, c), ct);
            await threads.TrackAsync(posted.Channel, threadTs ?? posted.Ts, ct);
            return posted.Ts;
        }
        catch (SlackApiException ex) when (ex.Error is "not_in_channel" or "channel_not_found" && target.ResponseUrl is { } url)
        {
            // The bot isn't a member (a slash command in a channel it wasn't invited to): the response_url still works.
            LogFallbackToResponseUrl(ex.Error);
            await api.RespondAsync(url, message, SlackResponseKind.InChannel, threadTs, ct);
            return null;
        }
        catch (SlackApiException ex) when (ex.Error is "ratelimited")
        {
            // chat.postMessage stayed rate limited past every retry. The response_url and chat.postEphemeral have limits
            // of their own, so the asker still sees the answer: in the channel through the response_url when there is
            // one, otherwise privately.
            if (target.ResponseUrl is { } url)
            {
                LogFallbackToResponseUrl(ex.Error);
                await api.RespondAsync(url, message, SlackResponseKind.InChannel, threadTs, ct);
            }
            else
            {
                LogFallbackToEphemeral(ex.Error);
                await api.PostEphemeralAsync(target.Channel, target.UserId, message, threadTs, ct);
            }

            return null;
        }
    }

    private async Task SendEphemeralAsync(SlackReplyTarget target, Reply reply, IReadOnlyList<SlackMessage> messages, CancellationToken ct)
    {
        var threadTs = reply.Placement == ReplyPlacement.Thread ? target.ThreadParentTs : target.ReplyThreadTs;
        for (var i = 0; i < messages.Count; i++)
        {
            if (target.ResponseUrl is { } url)
            {
                var replace = i == 0 && reply.Placement == ReplyPlacement.UpdateSource && target.SourceIsEphemeral;
                var kind = replace ? SlackResponseKind.ReplaceOriginal : SlackResponseKind.Ephemeral;
                await imageRetry.SendAsync(messages[i], (m, c) => Done(api.RespondAsync(url, m, kind, threadTs, c)), ct);
            }
            else
            {
                await imageRetry.SendAsync(messages[i], (m, c) => api.PostEphemeralAsync(target.Channel, target.UserId, m, threadTs, c), ct);
            }
        }
    }

    /// <summary>
    /// Uploads the reply's image attachments, unshared (Slack has no ephemeral files): the private reply shows them
    /// through image blocks, so only the person the reply is for sees them. When an upload fails (the files:write scope
    /// missing, say) the reply goes without the picture: its text carries the same figures.
    /// </summary>
    private async Task<IReadOnlyList<SlackImage>> UploadImagesAsync(Reply reply, CancellationToken ct)
    {
        var images = new List<SlackImage>();
        foreach (var attachment in reply.Attachments.Where(a => a.IsImage))
        {
            try
            {
                var id = await api.UploadPrivateFileAsync(attachment.FileName, attachment.Content, attachment.AltText, reply.Title ?? attachment.FileName, ct);
                images.Add(new SlackImage(id, attachment.AltText, reply.Title ?? attachment.FileName));
            }
            catch (SlackApiException ex)
            {
                LogUploadFailed(attachment.FileName, ex.Method, ex.Error);
            }
            catch (HttpRequestException ex)
            {
                LogUploadFailed(attachment.FileName, "http", ex.Message);
            }
        }

        return images;
    }

    private static async Task<bool> Done(Task call)
    {
        await call;
        return true;
    }

    private async Task<bool> TryOpenFormAsync(string triggerId, FormRequest form, SlackReplyTarget target, CancellationToken ct)
    {
        var metadata = JsonSerializer.Serialize(new SlackFormMetadata(target.Channel, target.ThreadParentTs ?? target.ReplyThreadTs));
        try
        {
            await api.OpenViewAsync(triggerId, SlackReplyRenderer.RenderModal(form, metadata), ct);
            return true;
        }
        catch (SlackApiException ex)
        {
            // Typically expired_trigger_id (the answer took longer than 3 s): fall back to the text instructions.
            LogFormFallback(ex.Error);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a response_url on {Host} (not https on Slack:ResponseUrlHosts); answering through the Web API instead")]
    private partial void LogResponseUrlRefused(string host);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not deliver a reply ({Method}: {Error}) to channel {Channel}")]
    private partial void LogSendFailed(string method, string error, string channel);

    [LoggerMessage(Level = LogLevel.Information, Message = "chat.postMessage refused ({Error}); answered through the response_url instead")]
    private partial void LogFallbackToResponseUrl(string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "chat.postMessage refused ({Error}); sent the answer privately to the asker instead")]
    private partial void LogFallbackToEphemeral(string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not finish the streamed answer ({Method}: {Error}); posting it as a new message")]
    private partial void LogStreamFinishFailed(string method, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not upload {FileName} ({Method}: {Error}); the reply goes without it (its text has the same figures)")]
    private partial void LogUploadFailed(string fileName, string method, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Could not open the form ({Error}); sent its fallback text instead")]
    private partial void LogFormFallback(string error);
}
