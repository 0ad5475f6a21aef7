using CoachBot.Core.Commands;
using CoachBot.Core.Dispatch;
using CoachBot.Slack.Agent;
using CoachBot.Slack.Commands;
using CoachBot.Slack.Delivery;
using CoachBot.Slack.Identity;
using CoachBot.Slack.Inbound.Payloads;
using Microsoft.Extensions.Logging;

namespace CoachBot.Slack.Inbound;

/// <summary>
/// Events → the coach: app_mention (mention stripped) and DMs become MessageRequests answered in the thread of the
/// question; plain channel messages only when they reply in a thread the bot is part of. Bots (including this one),
/// edits, deletions and other subtypes are ignored; the same message seen twice (mention + message event, or a
/// re-delivery) is answered once. The agent experience's events (Messages tab opened, assistant thread started) go to
/// <see cref="SlackAgentGreeter"/>; a DM — the agent conversation — shows a working status until its answer is out, and
/// a DM starting with a known command (<c>/quiz sql</c>, e.g. from a suggested prompt) runs that command.
/// </summary>
public sealed partial class CoachEventsHandler(
    CoachDispatcher dispatcher,
    SlackReplySender sender,
    SlackContextFactory contexts,
    SlackBotIdentity identity,
    SlackThreadTracker threads,
    SlackDeliveryDeduplicator deduplicator,
    SlackAgentGreeter greeter,
    SlackAssistantStatus status,
    SlackAnswerStreams streams,
    ILogger<CoachEventsHandler> logger) : ISlackEventsHandler
{
    public async Task HandleAsync(SlackEventCallback callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(callback);
        if (callback.Type == "event_callback" && await greeter.TryHandleAsync(callback, cancellationToken))
        {
            return;
        }

        if (callback.Type != "event_callback" || callback.Event is not { } ev
            || string.IsNullOrEmpty(ev.Channel) || string.IsNullOrEmpty(ev.Ts) || string.IsNullOrEmpty(ev.User))
        {
            return;
        }

        if (IsFromABot(ev))
        {
            return;
        }

        MessageOrigin origin;
        switch (ev.Type)
        {
            case "app_mention":
                origin = MessageOrigin.Mention;
                break;
            case "message" when string.IsNullOrEmpty(ev.Subtype) || ev.Subtype is "thread_broadcast" or "file_share":
                if (SlackContextFactory.IsDirectChannel(ev.Channel, ev.ChannelType) && ev.ChannelType is null or "im")
                {
                    origin = MessageOrigin.Direct;
                }
                else if (ev.ThreadTs is { } parent && parent != ev.Ts && await threads.IsTrackedAsync(ev.Channel, parent, cancellationToken))
                {
                    origin = MessageOrigin.ThreadReply;
                }
                else
                {
                    return;
                }

                break;
            default:
                return;
        }

        // Subscribing to app_mention and message.channels delivers a mention twice: answer the first only.
        if (!deduplicator.IsFirstDelivery("msg:" + ev.Channel + ":" + ev.Ts))
        {
            LogDuplicateMessage(ev.Channel, ev.Ts);
            return;
        }

        var text = SlackTextDecoder.ToPlain(SlackTextDecoder.StripMention(ev.Text, identity.UserId));
        var root = ev.ThreadTs ?? ev.Ts;
        var context = await contexts.CreateAsync(
            callback.TeamId ?? ev.Team, ev.Channel, ev.User, null, root, origin == MessageOrigin.Direct, cancellationToken);
        LogMessage(origin, context.CorrelationId);
        await threads.TrackAsync(ev.Channel, root, cancellationToken);
        await using var working = origin == MessageOrigin.Direct ? status.Show(ev.Channel, root, cancellationToken) : null;
        var target = new SlackReplyTarget(ev.Channel, ev.User) { ReplyThreadTs = root, ThreadParentTs = root };
        SlackStreamingAnswer? stream = null;
        IReadOnlyList<Reply> replies;
        if (origin == MessageOrigin.Direct && TypedCommand(context, text) is { } typed)
        {
            replies = typed.Request is { } command
                ? await dispatcher.DispatchAsync(command, cancellationToken)
                : Reply.One(Reply.Public(typed.Error ?? "I couldn't read that command."));
        }
        else
        {
            // A question answered in its thread: the answer shows there as the model writes it.
            stream = streams.Open(target, ev.Team ?? callback.TeamId, origin == MessageOrigin.Direct, cancellationToken);
            replies = await dispatcher.DispatchAsync(new MessageRequest(context, text, origin) { Progress = stream?.Progress }, cancellationToken);
            if (stream is not null)
            {
                await stream.Progress.StopAsync();
            }
        }

        await sender.SendAsync(stream is null ? target : target with { Stream = stream.Answer }, replies, cancellationToken);
    }

    /// <summary>A DM naming a known command is that command, as its slash command would be; null for anything else (a question).</summary>
    private TextCommandParseResult? TypedCommand(CommandContext context, string text)
    {
        var line = text.TrimStart();
        if (!TextCommandParser.IsCommand(line))
        {
            return null;
        }

        var end = line.IndexOfAny([' ', '\n', '\t']);
        var name = end < 0 ? line : line[..end];
        return dispatcher.Catalog.Find(SlackCommandNames.ToCore(name)) is null
            ? null
            : SlackCommandDecoder.Parse(context, dispatcher.Catalog, name, end < 0 ? string.Empty : line[(end + 1)..]);
    }

    private bool IsFromABot(SlackEvent ev) =>
        !string.IsNullOrEmpty(ev.BotId)
        || ev.Subtype == "bot_message"
        || (identity.UserId is { } self && ev.User == self);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ignored a second delivery of message {Channel}/{Ts}")]
    private partial void LogDuplicateMessage(string channel, string ts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack {Origin} message (correlation {CorrelationId})")]
    private partial void LogMessage(MessageOrigin origin, string correlationId);
}
