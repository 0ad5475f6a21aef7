using System.Text.Json;
using CoachBot.Core.Dispatch;
using CoachBot.Core.Replies.Streaming;
using CoachBot.Discord.Hosting;
using CoachBot.Discord.Interactions;
using CoachBot.Discord.Models;
using CoachBot.Discord.Rendering;
using CoachBot.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace CoachBot.Discord.Messages;

/// <summary>
/// Answers free text addressed to the bot: DMs (Direct), guild messages that mention it (Mention, answered in a thread
/// opened from the question when the reply asks for a thread) and messages in threads it started (ThreadReply). An
/// answer the model writes shows as it is written everywhere: posted with the first text, then edited at most about once
/// a second; for a mention the thread is opened from the question (named after it) when the first text arrives.
/// Bots, webhooks, its own messages and empty messages are ignored; the text reaches the core with Discord's mentions
/// decoded (<see cref="DiscordTextDecoder"/>). The conversation key of a mention already names
/// the thread (a thread started from a message has the message's id), so the first answer and later thread replies
/// share their memory.
/// </summary>
public sealed partial class DiscordMessageHandler(
    DiscordRestClient rest,
    CoachDispatcher dispatcher,
    DiscordContextFactory contexts,
    BotThreadRegistry threads,
    ThreadStarter threadStarter,
    DiscordSession session,
    CoachingWorkGate work,
    TimeProvider time,
    ILogger<DiscordMessageHandler> logger)
{
    public async Task HandleAsync(DiscordMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var self = session.BotUserId;
        if (self is null || message.Author is null || message.Author.Bot == true || message.Author.Id == self
            || message.WebhookId is not null || message.Type is not (0 or 19) || string.IsNullOrWhiteSpace(message.Content))
        {
            return;
        }

        MessageOrigin origin;
        ConversationKey key;
        if (message.GuildId is null)
        {
            origin = MessageOrigin.Direct;
            key = new ConversationKey(ChatPlatform.Discord, DiscordContextFactory.DirectCommunity, message.ChannelId);
        }
        else if (threads.TryGetParent(message.ChannelId, out var parent))
        {
            origin = MessageOrigin.ThreadReply;
            key = new ConversationKey(ChatPlatform.Discord, message.GuildId, parent, message.ChannelId);
        }
        else if (MentionParser.MentionsUser(message, self))
        {
            origin = MessageOrigin.Mention;
            key = new ConversationKey(ChatPlatform.Discord, message.GuildId, message.ChannelId, message.Id);
        }
        else
        {
            return;
        }

        var text = DiscordTextDecoder.ToPlain(MentionParser.StripMention(message.Content, self), message.Mentions);
        if (text.Length == 0)
        {
            return;
        }

        var context = contexts.ForMessage(message, key);
        Log.Message(logger, origin, context.CorrelationId);
        var typing = ShowTypingAsync(message.ChannelId, ct);
        // The answer shows as it is written (posted with the first text, then edited): in a DM or a thread where it is
        // asked; for a mention in a thread opened from the question at the first text (in the channel if none opens).
        var streamed = origin == MessageOrigin.Mention
            ? new StreamedMessage(rest, message.ChannelId, innerCt => threadStarter.StartAsync(message.ChannelId, message.Id, ThreadStarter.NameFor(text), innerCt), message.Id)
            : new StreamedMessage(rest, message.ChannelId);
        var progress = new PacedReplyProgress(streamed.ShowAsync, DiscordInteractionHandler.StreamEditInterval, time, ct);
        var replies = await work.RunAsync(() => dispatcher.DispatchAsync(new MessageRequest(context, text, origin) { Progress = progress }, ct), ct);
        await typing;
        await progress.StopAsync();

        try
        {
            await DeliverAsync(message, origin, replies, streamed, ct);
        }
        catch (Exception ex) when (ex is DiscordApiException or HttpRequestException or JsonException)
        {
            Log.DeliveryFailed(logger, ex, context.CorrelationId);
        }
    }

    private async Task DeliverAsync(DiscordMessage question, MessageOrigin origin, IReadOnlyList<Reply> replies, StreamedMessage streamed, CancellationToken ct)
    {
        // A streamed mention answer already chose its place: the thread it opened, or the channel (replying to the question).
        var threadId = streamed.ThreadId;
        var referenced = streamed.ReferencedQuestion;
        foreach (var reply in replies)
        {
            // Ephemeral has no meaning for channel messages: the reply goes where the question was asked.
            if (origin == MessageOrigin.Mention && reply.Placement == ReplyPlacement.Thread && threadId is null && !streamed.TriedThread)
            {
                threadId = await threadStarter.StartAsync(question.ChannelId, question.Id, reply, ct);
            }

            var channel = threadId ?? question.ChannelId;
            MessageReference? reference = null;
            if (threadId is null && origin == MessageOrigin.Mention && !referenced)
            {
                reference = new MessageReference { MessageId = question.Id, ChannelId = question.ChannelId };
                referenced = true;
            }

            var payloads = DiscordReplyRenderer.Render(reply, ephemeral: false, reference);
            if (streamed.TakeMessageId() is { } partialId && payloads.Count > 0)
            {
                // The message that showed the answer as it was written becomes its first part (the partial text goes).
                await rest.EditMessageAsync(channel, partialId, payloads[0], ct);
                payloads = [.. payloads.Skip(1)];
            }

            foreach (var payload in payloads)
            {
                await rest.CreateMessageAsync(channel, payload, ct);
            }
        }
    }

    /// <summary>
    /// The message an answer is shown in while it is written: posted with the first text, then edited. For a mention
    /// (<paramref name="openThread"/> set) the first text first opens the thread from the question and goes there; when
    /// no thread opens it stays in the channel, replying to the question (<paramref name="questionId"/>).
    /// </summary>
    private sealed class StreamedMessage(
        DiscordRestClient rest, string channelId, Func<CancellationToken, Task<string?>>? openThread = null, string? questionId = null)
    {
        private string? _messageId;
        private readonly string _askedIn = channelId;
        private string _channelId = channelId;

        /// <summary>The thread opened for a mention's streamed answer; null when none was (or none could be) opened.</summary>
        public string? ThreadId { get; private set; }

        /// <summary>Whether opening a thread was tried (the answer's place is settled: the thread, or the channel).</summary>
        public bool TriedThread { get; private set; }

        /// <summary>Whether the streamed message replies to the question (a mention answered in the channel).</summary>
        public bool ReferencedQuestion { get; private set; }

        public async Task ShowAsync(string text, CancellationToken ct)
        {
            var payload = DiscordReplyRenderer.RenderSoFar(text);
            if (_messageId is null)
            {
                if (openThread is not null && !TriedThread)
                {
                    TriedThread = true;
                    ThreadId = await openThread(ct);
                    _channelId = ThreadId ?? _channelId;
                }

                var replyToQuestion = false;
                if (openThread is not null && ThreadId is null && questionId is { } question)
                {
                    payload = DiscordReplyRenderer.RenderSoFar(text, new MessageReference { MessageId = question, ChannelId = _askedIn });
                    replyToQuestion = true;
                }

                _messageId = (await rest.CreateMessageAsync(_channelId, payload, ct))?.Id;
                ReferencedQuestion = replyToQuestion && _messageId is not null;
            }
            else
            {
                await rest.EditMessageAsync(_channelId, _messageId, payload, ct);
            }
        }

        /// <summary>The posted message's id, once (the first finished reply replaces it); null when nothing was posted.</summary>
        public string? TakeMessageId()
        {
            var id = _messageId;
            _messageId = null;
            return id;
        }
    }

    /// <summary>Best effort: a typing indicator must never delay or fail the answer.</summary>
    private async Task ShowTypingAsync(string channelId, CancellationToken ct)
    {
        try
        {
            await rest.TriggerTypingAsync(channelId, ct);
        }
        catch (Exception ex) when (ex is DiscordApiException or HttpRequestException)
        {
            Log.TypingFailed(logger, ex.Message);
        }
    }

    /// <summary>The log lines this class writes.</summary>
    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Debug, Message = "Could not show the typing indicator: {Reason}")]
        public static partial void TypingFailed(ILogger logger, string reason);

        [LoggerMessage(Level = LogLevel.Debug, Message = "Discord {Origin} message (correlation {CorrelationId})")]
        public static partial void Message(ILogger logger, MessageOrigin origin, string correlationId);

        [LoggerMessage(Level = LogLevel.Error, Message = "Could not deliver the answer to a Discord message (correlation {CorrelationId})")]
        public static partial void DeliveryFailed(ILogger logger, Exception exception, string correlationId);
    }
}
