using CoachBot.Core.Commands;
using CoachBot.Core.Dispatch;
using CoachBot.Slack.Delivery;
using CoachBot.Slack.Inbound.Payloads;
using Microsoft.Extensions.Logging;

namespace CoachBot.Slack.Inbound;

/// <summary>
/// Slash commands → the coach: the text after the command is decoded (<see cref="SlackCommandDecoder"/>: mentions and
/// channel links become user and channel ids) and parsed with the core's <see cref="TextCommandParser"/> against the
/// command's definition (a usage line, privately, when it doesn't fit); unknown commands are answered by
/// the dispatcher. Answers use chat.postMessage (public) or the response_url (private).
/// </summary>
public sealed partial class CoachSlashCommandHandler(
    CoachDispatcher dispatcher,
    SlackReplySender sender,
    SlackContextFactory contexts,
    ILogger<CoachSlashCommandHandler> logger) : ISlackSlashCommandHandler
{
    public async Task HandleAsync(SlackSlashCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (string.IsNullOrEmpty(command.Command) || string.IsNullOrEmpty(command.ChannelId) || string.IsNullOrEmpty(command.UserId))
        {
            return;
        }

        var context = await contexts.CreateAsync(
            command.TeamId, command.ChannelId, command.UserId, command.UserName, null,
            SlackContextFactory.IsDirectChannel(command.ChannelId) || command.ChannelName == "directmessage", cancellationToken);
        LogCommand(command.Command, context.CorrelationId);
        var parsed = SlackCommandDecoder.Parse(context, dispatcher.Catalog, command.Command, command.Text);
        var replies = parsed.Request is { } request
            ? await dispatcher.DispatchAsync(request, cancellationToken)
            : Reply.One(Reply.Ephemeral(parsed.Error ?? "I couldn't read that command."));
        var target = new SlackReplyTarget(command.ChannelId, command.UserId)
        {
            ResponseUrl = command.ResponseUrl,
            TriggerId = command.TriggerId,
        };
        await sender.SendAsync(target, replies, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack command {Command} (correlation {CorrelationId})")]
    private partial void LogCommand(string command, string correlationId);
}
