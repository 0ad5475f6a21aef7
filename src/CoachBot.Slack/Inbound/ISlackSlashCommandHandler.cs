using CoachBot.Slack.Inbound.Payloads;

namespace CoachBot.Slack.Inbound;

/// <summary>Handles slash commands (SlackNet's ISlashCommandHandler shape); answers go through the response_url or the Web API.</summary>
public interface ISlackSlashCommandHandler
{
    Task HandleAsync(SlackSlashCommand command, CancellationToken cancellationToken);
}
