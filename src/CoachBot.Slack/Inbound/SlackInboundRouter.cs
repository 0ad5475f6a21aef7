using CoachBot.Slack.Inbound.Payloads;
using Microsoft.Extensions.Logging;

namespace CoachBot.Slack.Inbound;

/// <summary>Reads a delivery's payload into its typed shape and hands it to the matching handler interface.</summary>
public sealed partial class SlackInboundRouter(
    ISlackEventsHandler eventHandler,
    ISlackSlashCommandHandler commandHandler,
    ISlackBlockActionHandler blockActionHandler,
    ISlackViewSubmissionHandler viewSubmissionHandler,
    ILogger<SlackInboundRouter> logger)
{
    public async Task RouteAsync(SlackInbound item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        switch (item.Kind)
        {
            case SlackInboundKind.Event when SlackJson.Read<SlackEventCallback>(item.Payload) is { } callback:
                await eventHandler.HandleAsync(callback, cancellationToken);
                break;
            case SlackInboundKind.SlashCommand when SlackJson.Read<SlackSlashCommand>(item.Payload) is { } command:
                await commandHandler.HandleAsync(command, cancellationToken);
                break;
            case SlackInboundKind.Interaction when SlackJson.Read<SlackInteraction>(item.Payload) is { } interaction:
                await RouteInteractionAsync(interaction, cancellationToken);
                break;
            default:
                LogUnreadable(item.Kind.ToString());
                break;
        }
    }

    private async Task RouteInteractionAsync(SlackInteraction interaction, CancellationToken cancellationToken)
    {
        switch (interaction.Type)
        {
            case "block_actions":
                // A payload may say "actions": null or hold null entries; those are no clicks.
                foreach (var action in (interaction.Actions ?? []).Where(a => a is not null).Take(5))
                {
                    await blockActionHandler.HandleAsync(interaction, action, cancellationToken);
                }

                break;
            case "view_submission":
                await viewSubmissionHandler.HandleAsync(interaction, cancellationToken);
                break;
            default:
                LogIgnoredInteraction(interaction.Type ?? "(none)");
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored an unreadable Slack {Kind} payload")]
    private partial void LogUnreadable(string kind);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ignored Slack interaction of type {Type}")]
    private partial void LogIgnoredInteraction(string type);
}
