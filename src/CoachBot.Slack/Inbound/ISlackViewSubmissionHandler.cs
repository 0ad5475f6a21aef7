using CoachBot.Slack.Inbound.Payloads;

namespace CoachBot.Slack.Inbound;

/// <summary>Handles a submitted modal (SlackNet's IViewSubmissionHandler shape); the ack already closed the modal.</summary>
public interface ISlackViewSubmissionHandler
{
    Task HandleAsync(SlackInteraction interaction, CancellationToken cancellationToken);
}
