using CoachBot.Core.Work;
using CoachBot.Core.Diagnostics;
using CoachBot.Core.Dispatch;
using CoachBot.Core.Inbound;
using CoachBot.Core.Replies.Streaming;
using CoachBot.Discord.Messages;
using CoachBot.Discord.Models;
using CoachBot.Discord.Rendering;
using CoachBot.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace CoachBot.Discord.Interactions;

/// <summary>
/// Answers application commands, button clicks and modal submits. The 3-second rule is met by acknowledging first,
/// before the coach does any work, but only after the dispatcher has screened the request (rate limit, moderator rights
/// from <c>member.permissions</c> and roles, unknown command or button: microseconds, no I/O), so the acknowledgement
/// already has the right visibility:
/// <list type="bullet">
/// <item>Refused: the refusal itself, privately (callback 4 with flags 64); nothing else is sent.</item>
/// <item>Command whose first reply is private (/help, a picker): private deferral (5 with flags 64), then @original is
/// edited with it.</item>
/// <item>Other commands: public deferral (5), then @original is edited with the first reply; Thread placement then
/// opens a thread from that message. A private first reply found only after a lookup (no open quiz, say) deletes the
/// public "thinking…" placeholder and goes out as an ephemeral follow-up.</item>
/// <item>Components and modals opened from a message: deferred update (6); UpdateSource replies edit the message the
/// button is on, anything else goes out as follow-ups, each with its own ephemeral flag.</item>
/// </list>
/// A form can't be shown after a deferral (a modal must be the first response), so a reply carrying one gets an
/// "open the form" button (see <see cref="PendingForms"/>); that click is answered with the modal itself (callback 9).
/// Failures after the ack end in a private apology.
/// <para>
/// Before the deferral is sent the interaction is recorded in the durable inbox (<see cref="InteractionInbox"/>); the
/// row is completed once the answer was delivered, so an interaction acknowledged when the process dies is answered by
/// the next run (<see cref="ReplayAsync"/>). Refusals and form openings answer in the callback itself and need no row.
/// </para>
/// </summary>
public sealed partial class DiscordInteractionHandler(
    DiscordRestClient rest,
    CoachDispatcher dispatcher,
    DiscordContextFactory contexts,
    ThreadStarter threadStarter,
    PendingForms forms,
    AcknowledgementsFirst acknowledgements,
    CoachingWorkGate work,
    InteractionInbox inbox,
    TimeProvider time,
    ILogger<DiscordInteractionHandler> logger,
    CoachMetrics? metrics = null)
{
    /// <summary>Heads a public answer posted in the channel because the interaction's token ran out during a restart.</summary>
    public const string DelayedNote = "-# Sorry for the wait: I restarted while answering this.";

    /// <summary>
    /// The least time between two edits of a reply that is being written (a streamed answer): about once a second per
    /// message, as Discord asks of bots that edit; the REST client still waits whenever the route's bucket is empty.
    /// </summary>
    public static readonly TimeSpan StreamEditInterval = TimeSpan.FromSeconds(1);

    /// <summary>A replay that would reach the token's end mid-answer goes to the channel instead.</summary>
    private static readonly TimeSpan TokenMargin = TimeSpan.FromMinutes(1);

    /// <summary>Raised right after the acknowledgement is sent, with the time it took (the same figure goes to <c>coachbot.ack.latency</c>).</summary>
    public event Action<DiscordInteraction, TimeSpan>? Acknowledged;

    /// <summary>
    /// Acknowledges the interaction, then answers it. Meant to be called straight from the gateway's dispatch: the
    /// part up to the callback request runs synchronously on the caller, so the acknowledgement is on the wire without
    /// waiting for a thread-pool turn; everything after it runs once the callback's response is back.
    /// </summary>
    public async Task HandleAsync(DiscordInteraction interaction, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        var started = time.GetTimestamp();
        acknowledgements.Arrived();
        CommandContext context;
        DispatchScreening screening;
        bool updatesSource;
        bool deferredPrivately;
        PacedReplyProgress? progress;
        try
        {
            context = contexts.ForInteraction(interaction);
            var request = InteractionRequestFactory.Create(interaction, context);
            if (request is null)
            {
                LogIgnored(interaction.Type);
                return;
            }

            if (interaction.Type == DiscordInteraction.MessageComponent && PendingForms.IsFormButton(interaction.Data?.CustomId))
            {
                await OpenFormAsync(interaction, context.User.UserId, ct);
                return;
            }

            updatesSource = interaction.Type == DiscordInteraction.MessageComponent
                || (interaction.Type == DiscordInteraction.ModalSubmit && interaction.Message is not null);
            // A command's deferred "thinking…" message shows a streamed answer as it is written; a click's message is left alone.
            progress = updatesSource ? null : StreamInto(interaction, ct);
            screening = await dispatcher.ScreenAsync(request with { Progress = progress }, ct);
            deferredPrivately = !updatesSource && screening.FirstReplyVisibility == ReplyVisibility.Ephemeral;
            if (screening.Refusal is { } refusal)
            {
                await RefuseAsync(interaction, refusal, ct);
                return;
            }

            if (await inbox.RecordAsync(interaction, ct) == InboundRecordResult.Duplicate)
            {
                LogDuplicate(interaction.Id);
                return;
            }

            try
            {
                await rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, Deferral(updatesSource, deferredPrivately), ct);
            }
            catch (DiscordApiException ex)
            {
                // 10062: too late (the token expired), 40060: already acknowledged. Nothing more can be sent either way.
                LogAckFailed(interaction.Id, ex.Code ?? 0, ex.Message);
                await inbox.CompleteAsync(interaction);
                return;
            }
        }
        finally
        {
            acknowledgements.Acknowledged();
        }

        var ackLatency = time.GetElapsedTime(started);
        metrics?.Acknowledged("discord", ackLatency);
        Acknowledged?.Invoke(interaction, ackLatency);

        await AnswerAsync(new ResponseSession(interaction, updatesSource, deferredPrivately) { Progress = progress }, screening, context, ct);
    }

    /// <summary>Edits @original with the text so far, paced (<see cref="StreamEditInterval"/>).</summary>
    private PacedReplyProgress StreamInto(DiscordInteraction interaction, CancellationToken ct) =>
        new(async (text, c) =>
        {
            try
            {
                await rest.EditOriginalResponseAsync(interaction.ApplicationId, interaction.Token, DiscordReplyRenderer.RenderSoFar(text), c);
            }
            catch (Exception ex) when (ex is DiscordApiException or HttpRequestException)
            {
                LogProgressEditFailed(interaction.Id, ex.Message);
                throw;
            }
        }, StreamEditInterval, time, ct);

    /// <summary>
    /// Answers an interaction an earlier run recorded and did not finish. While its token lives, the deferral is tried
    /// again: Discord's "already acknowledged" (40060) means the placeholder is there to edit, as usual; "unknown
    /// interaction" (10062) means it never went out. Then, and once the token has expired, public replies are posted
    /// in the channel and private ones are dropped with a log line (nobody else may see them).
    /// </summary>
    public async Task ReplayAsync(PendingInteraction pending, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(pending);
        var interaction = pending.Interaction;
        var context = contexts.ForInteraction(interaction);
        var request = InteractionRequestFactory.Create(interaction, context);
        if (request is null)
        {
            await inbox.CompleteAsync(interaction);
            return;
        }

        var screening = await dispatcher.ScreenAsync(request, ct);
        var updatesSource = interaction.Type == DiscordInteraction.MessageComponent
            || (interaction.Type == DiscordInteraction.ModalSubmit && interaction.Message is not null);
        var deferredPrivately = !updatesSource && screening.FirstReplyVisibility == ReplyVisibility.Ephemeral;
        var tokenAlive = time.GetUtcNow() - pending.ReceivedAt < InteractionInbox.TokenLifetime - TokenMargin;
        if (tokenAlive)
        {
            try
            {
                await rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, Deferral(updatesSource, deferredPrivately), ct);
            }
            catch (DiscordApiException ex) when (ex.Code == DiscordErrorCodes.InteractionAlreadyAcknowledged)
            {
                // The deferral went out before the crash: its placeholder is waiting for this answer.
            }
            catch (DiscordApiException ex)
            {
                LogReplayNotDeferred(interaction.Id, ex.Code ?? 0);
                tokenAlive = false;
            }
        }

        LogReplaying(interaction.Id, pending.Attempts, tokenAlive ? "the interaction's token" : "the channel");
        if (tokenAlive)
        {
            await AnswerAsync(new ResponseSession(interaction, updatesSource, deferredPrivately), screening, context, ct);
            return;
        }

        try
        {
            var replies = await work.RunAsync(() => dispatcher.DispatchAsync(screening, ct), ct);
            await PostInChannelAsync(interaction, replies, ct);
        }
        catch (Exception) when (ct.IsCancellationRequested)
        {
            // Shutdown cut the answer short (cancelled, or a service already disposed under it): the row stays
            // unfinished and the next start answers it. No apology, no completion.
            LogLeftForNextStart(interaction.Id);
            return;
        }
#pragma warning disable CA1031 // A replayed answer that fails is logged; the row is done either way (no token left to apologise with).
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogDeliveryFailed(ex, interaction.Id, context.CorrelationId);
        }

        await inbox.CompleteAsync(interaction);
    }

    private async Task AnswerAsync(ResponseSession session, DispatchScreening screening, CommandContext context, CancellationToken ct)
    {
        var interaction = session.Interaction;
        var updatesSource = session.UpdatesSource;
        try
        {
            // Acks never wait for the gate; only the coaching work after them does (retrieval, the model call,
            // rendering), and not the delivery: REST calls that wait on Discord's limits must not hold a slot.
            var replies = await work.RunAsync(() => dispatcher.DispatchAsync(screening, ct), ct);
            // The last progress edit lands before the finished reply replaces it, never after.
            await session.StopProgressAsync();
            foreach (var reply in replies)
            {
                await DeliverAsync(session, reply, ct);
            }

            if (!updatesSource && !session.OriginalResolved)
            {
                // No reply at all: don't leave "CoachBot is thinking…" behind.
                await rest.DeleteOriginalResponseAsync(interaction.ApplicationId, interaction.Token, ct);
            }
        }
        catch (Exception) when (ct.IsCancellationRequested)
        {
            // Shutdown cut the answer short (cancelled, or a service already disposed under it): the row stays
            // unfinished and the next start answers it. No apology, no completion.
            LogLeftForNextStart(interaction.Id);
            return;
        }
#pragma warning disable CA1031 // After the ack, any failure must still end in a visible apology.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogDeliveryFailed(ex, interaction.Id, context.CorrelationId);
            await session.StopProgressAsync();
            await ApologiseAsync(session, context.CorrelationId, ct);
        }

        // Delivered, or failed with an apology: either way there is nothing left to do. (Cancelled by shutdown, the
        // row stays unfinished and the next run answers it.)
        await inbox.CompleteAsync(interaction);
    }

    private static InteractionResponse Deferral(bool updatesSource, bool deferredPrivately) =>
        updatesSource ? InteractionResponse.DeferredUpdate() : InteractionResponse.Deferred(deferredPrivately);

    /// <summary>Replies to an interaction whose token can't be used: public ones as channel messages, private ones dropped.</summary>
    private async Task PostInChannelAsync(DiscordInteraction interaction, IReadOnlyList<Reply> replies, CancellationToken ct)
    {
        var first = true;
        foreach (var reply in replies)
        {
            if (reply.Visibility == ReplyVisibility.Ephemeral || interaction.ChannelId is null)
            {
                LogPrivateReplyDropped(interaction.Id);
                continue;
            }

            var messages = DiscordReplyRenderer.Render(reply with { Form = null }, ephemeral: false);
            foreach (var message in messages)
            {
                var payload = WithoutFlags(message);
                if (first)
                {
                    payload = new MessagePayload
                    {
                        Content = DelayedNote + "\n" + payload.Content,
                        Components = payload.Components,
                    };
                    first = false;
                }

                await rest.CreateMessageAsync(interaction.ChannelId, payload, ct);
            }
        }
    }

    private async Task DeliverAsync(ResponseSession session, Reply reply, CancellationToken ct)
    {
        var interaction = session.Interaction;
        if (reply.Form is { } form && interaction.Invoker is { } invoker)
        {
            var open = new ReplyButton(forms.Add(form, invoker.Id), OpenLabel(form), ButtonStyle.Primary);
            reply = reply with
            {
                Text = string.IsNullOrWhiteSpace(reply.Text) ? form.FallbackText : reply.Text,
                Buttons = [open, .. reply.Buttons],
                Form = null,
            };
        }

        var ephemeral = reply.Visibility == ReplyVisibility.Ephemeral;
        var messages = DiscordReplyRenderer.Render(reply, ephemeral);
        if (messages.Count == 0)
        {
            return;
        }

        var remainder = messages.Skip(1);
        if (session.UpdatesSource && reply.Placement == ReplyPlacement.UpdateSource && !session.SourceUpdated)
        {
            // Flags can't change on an edit; the source message keeps its own visibility.
            await rest.EditOriginalResponseAsync(interaction.ApplicationId, interaction.Token, WithoutFlags(messages[0]), ct);
            session.SourceUpdated = true;
        }
        else if (!session.UpdatesSource && !session.OriginalResolved)
        {
            if (ephemeral == session.DeferredPrivately)
            {
                // The placeholder already has this reply's visibility (flags can't change on an edit).
                var original = await rest.EditOriginalResponseAsync(interaction.ApplicationId, interaction.Token, WithoutFlags(messages[0]), ct);
                session.OriginalResolved = true;
                if (!ephemeral && await TryOpenThreadAsync(session, reply, original, ct))
                {
                    await PostInThreadAsync(session.ThreadId!, remainder, ct);
                    return;
                }
            }
            else
            {
                // The placeholder has the other visibility: remove it and follow up with this reply's own flags.
                await rest.DeleteOriginalResponseAsync(interaction.ApplicationId, interaction.Token, ct);
                session.OriginalResolved = true;
                var first = await rest.CreateFollowupMessageAsync(interaction.ApplicationId, interaction.Token, messages[0], ct);
                if (!ephemeral && await TryOpenThreadAsync(session, reply, first, ct))
                {
                    await PostInThreadAsync(session.ThreadId!, remainder, ct);
                    return;
                }
            }
        }
        else if (!ephemeral && reply.Placement == ReplyPlacement.Thread && session.ThreadId is not null)
        {
            await PostInThreadAsync(session.ThreadId, messages, ct);
            return;
        }
        else
        {
            var first = await rest.CreateFollowupMessageAsync(interaction.ApplicationId, interaction.Token, messages[0], ct);
            if (!ephemeral && await TryOpenThreadAsync(session, reply, first, ct))
            {
                await PostInThreadAsync(session.ThreadId!, remainder, ct);
                return;
            }
        }

        foreach (var message in remainder)
        {
            await rest.CreateFollowupMessageAsync(interaction.ApplicationId, interaction.Token, message, ct);
        }
    }

    /// <summary>Answers an "open the form" click with the modal (the first and only response), or explains why not.</summary>
    private async Task OpenFormAsync(DiscordInteraction interaction, string userId, CancellationToken ct)
    {
        var form = forms.Find(interaction.Data!.CustomId!, userId);
        var response = form is not null
            ? new InteractionResponse { Type = InteractionResponse.Modal, Data = DiscordReplyRenderer.RenderModal(form) }
            : new InteractionResponse
            {
                Type = InteractionResponse.ChannelMessageWithSource,
                Data = new MessagePayload
                {
                    Content = "That form isn't available any more (or it was opened for someone else). Run the command again to get a fresh one.",
                    Flags = MessageFlags.Ephemeral,
                },
            };
        try
        {
            await rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, response, ct);
        }
        catch (DiscordApiException ex)
        {
            LogAckFailed(interaction.Id, ex.Code ?? 0, ex.Message);
        }
    }

    private static string OpenLabel(FormRequest form)
    {
        var label = "Open: " + form.Title;
        return label.Length <= ReplyButton.MaxLabelLength ? label : label[..(ReplyButton.MaxLabelLength - 1)] + "…";
    }

    private async Task<bool> TryOpenThreadAsync(ResponseSession session, Reply reply, DiscordMessage? anchor, CancellationToken ct)
    {
        var interaction = session.Interaction;
        if (reply.Placement != ReplyPlacement.Thread || session.ThreadId is not null || anchor is null
            || interaction.GuildId is null || interaction.Channel?.IsThread == true || interaction.ChannelId is null)
        {
            return false;
        }

        session.ThreadId = await threadStarter.StartAsync(interaction.ChannelId, anchor.Id, reply, ct);
        return session.ThreadId is not null;
    }

    private async Task PostInThreadAsync(string threadId, IEnumerable<MessagePayload> messages, CancellationToken ct)
    {
        foreach (var message in messages)
        {
            await rest.CreateMessageAsync(threadId, WithoutFlags(message), ct);
        }
    }

    /// <summary>A refusal decided before any work: answered at once as the (private) initial response.</summary>
    private async Task RefuseAsync(DiscordInteraction interaction, IReadOnlyList<Reply> refusal, CancellationToken ct)
    {
        var messages = refusal.SelectMany(r => DiscordReplyRenderer.Render(r, ephemeral: true)).ToList();
        try
        {
            await rest.CreateInteractionResponseAsync(
                interaction.Id,
                interaction.Token,
                new InteractionResponse { Type = InteractionResponse.ChannelMessageWithSource, Data = messages[0] },
                ct);
            foreach (var message in messages.Skip(1))
            {
                await rest.CreateFollowupMessageAsync(interaction.ApplicationId, interaction.Token, message, ct);
            }
        }
        catch (DiscordApiException ex)
        {
            LogAckFailed(interaction.Id, ex.Code ?? 0, ex.Message);
        }
    }

    private async Task ApologiseAsync(ResponseSession session, string correlationId, CancellationToken ct)
    {
        var interaction = session.Interaction;
        var apology = new MessagePayload { Content = Apology.For(correlationId), Flags = MessageFlags.Ephemeral, Components = [] };
        try
        {
            if (!session.UpdatesSource && !session.OriginalResolved)
            {
                if (session.DeferredPrivately)
                {
                    await rest.EditOriginalResponseAsync(interaction.ApplicationId, interaction.Token, WithoutFlags(apology), ct);
                    return;
                }

                // Errors are private: the public placeholder goes, the apology follows up ephemerally.
                await rest.DeleteOriginalResponseAsync(interaction.ApplicationId, interaction.Token, ct);
                session.OriginalResolved = true;
            }

            await rest.CreateFollowupMessageAsync(interaction.ApplicationId, interaction.Token, apology, ct);
        }
        catch (Exception ex) when (ex is DiscordApiException or HttpRequestException)
        {
            LogApologyFailed(interaction.Id, ex.Message);
        }
    }

    private static MessagePayload WithoutFlags(MessagePayload message) => new()
    {
        Content = message.Content,
        Components = message.Components,
        MessageReference = message.MessageReference,
        Attachments = message.Attachments,
        Files = message.Files,
    };

    private sealed class ResponseSession(DiscordInteraction interaction, bool updatesSource, bool deferredPrivately)
    {
        public DiscordInteraction Interaction { get; } = interaction;

        public bool UpdatesSource { get; } = updatesSource;

        /// <summary>The command's "thinking…" placeholder was sent with flags 64 (only the caller sees it).</summary>
        public bool DeferredPrivately { get; } = deferredPrivately;

        /// <summary>The deferred "thinking…" response was replaced or deleted.</summary>
        public bool OriginalResolved { get; set; }

        public bool SourceUpdated { get; set; }

        public string? ThreadId { get; set; }

        /// <summary>Shows a streamed answer in @original while it is written (commands only).</summary>
        public PacedReplyProgress? Progress { get; init; }

        public Task StopProgressAsync() => Progress?.StopAsync() ?? Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Interaction {InteractionId} was delivered again; it is already recorded, not answering twice")]
    private partial void LogDuplicate(string interactionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Answering interaction {InteractionId} left unfinished by an earlier run (attempt {Attempt}) through {Route}")]
    private partial void LogReplaying(string interactionId, int attempt, string route);

    [LoggerMessage(Level = LogLevel.Information, Message = "Interaction {InteractionId} from an earlier run was never acknowledged (Discord code {Code}); public replies go to the channel")]
    private partial void LogReplayNotDeferred(string interactionId, int code);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped a private reply to interaction {InteractionId} from an earlier run: its token expired, and a private reply can't be posted in the channel")]
    private partial void LogPrivateReplyDropped(string interactionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shutting down: interaction {InteractionId} is left in the inbox for the next start")]
    private partial void LogLeftForNextStart(string interactionId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ignored interaction of type {Type}")]
    private partial void LogIgnored(int type);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not acknowledge interaction {InteractionId} (Discord code {Code}): {Reason}")]
    private partial void LogAckFailed(string interactionId, int code, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not deliver the answer to interaction {InteractionId} (correlation {CorrelationId})")]
    private partial void LogDeliveryFailed(Exception exception, string interactionId, string correlationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopped showing the answer to interaction {InteractionId} as it is written: {Reason}")]
    private partial void LogProgressEditFailed(string interactionId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not send the apology for interaction {InteractionId}: {Reason}")]
    private partial void LogApologyFailed(string interactionId, string reason);
}
