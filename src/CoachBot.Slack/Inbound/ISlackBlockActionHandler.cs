using CoachBot.Slack.Inbound.Payloads;

namespace CoachBot.Slack.Inbound;

/// <summary>Handles one action of a block_actions payload (SlackNet's IBlockActionHandler shape).</summary>
public interface ISlackBlockActionHandler
{
    Task HandleAsync(SlackInteraction interaction, SlackAction action, CancellationToken cancellationToken);
}
