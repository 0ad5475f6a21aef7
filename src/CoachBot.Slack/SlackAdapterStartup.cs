using CoachBot.Core.Platforms;
using CoachBot.Slack.Api;
using CoachBot.Slack.Configuration;
using CoachBot.Slack.Identity;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Slack;

/// <summary>
/// Learns the bot's identity (auth.test) before the transports start. A rejected token stops start-up with a message
/// naming Slack:BotToken; a network failure only logs (mentions are then stripped without knowing our id).
/// </summary>
public sealed partial class SlackAdapterStartup(
    SlackApiClient api,
    SlackBotIdentity identity,
    IOptions<SlackOptions> options,
    ILogger<SlackAdapterStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            var info = await api.AuthTestAsync(cancellationToken);
            identity.Set(info);
            LogIdentity(info.UserId, info.TeamId ?? "?", options.Value.Mode);
        }
        catch (SlackApiException ex) when (ex.Error is "invalid_auth" or "not_authed" or "account_inactive" or "token_revoked" or "token_expired")
        {
            throw new InvalidOperationException(
                $"Slack rejected {SlackOptions.SectionName}:BotToken ({ex.Error}). Copy the Bot User OAuth Token (xoxb-…) from the app's OAuth & Permissions page.", ex);
        }
        catch (SlackApiException ex)
        {
            LogIdentityUnknown(ex.Error);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack adapter signed in as {UserId} in team {TeamId} ({Mode})")]
    private partial void LogIdentity(string userId, string teamId, SlackMode mode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack auth.test failed ({Error}); continuing without the bot's own id")]
    private partial void LogIdentityUnknown(string error);
}
