using CoachBot.Slack.Inbound.Payloads;

namespace CoachBot.Slack.Inbound;

/// <summary>Handles Events API callbacks (SlackNet's IEventHandler shape). Called after the delivery was acknowledged.</summary>
public interface ISlackEventsHandler
{
    Task HandleAsync(SlackEventCallback callback, CancellationToken cancellationToken);
}
