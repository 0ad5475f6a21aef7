using CoachBot.Slack.Api;
using Microsoft.Extensions.Logging;

namespace CoachBot.Slack.Agent;

/// <summary>
/// The "is looking through the guides…" line under a member's message while the coach works
/// (assistant.threads.setStatus), and clearing it when the answer is out or failed. The status is a courtesy: it is set
/// alongside the work, never before it, and no error of it (e.g. <c>missing_scope</c> on an install made before the
/// app asked for <c>assistant:write</c>) delays or stops the answer. After a scope or token-type refusal the bot stops
/// asking until it restarts (reinstalling the app with the manifest's scopes fixes it).
/// </summary>
public sealed partial class SlackAssistantStatus(SlackApiClient api, ILogger<SlackAssistantStatus> logger)
{
    private volatile bool _refused;

    /// <summary>Starts showing the status in <paramref name="threadTs"/>; dispose the result to clear it.</summary>
    public SlackShownStatus Show(string channel, string threadTs, CancellationToken cancellationToken)
    {
        if (_refused)
        {
            return new SlackShownStatus(this, channel, threadTs, null);
        }

        return new SlackShownStatus(this, channel, threadTs, SafelyAsync(channel, threadTs, SlackAgentPrompts.WorkingStatus, cancellationToken));
    }

    internal async Task<bool> SafelyAsync(string channel, string threadTs, string status, CancellationToken cancellationToken)
    {
        try
        {
            await api.SetAssistantStatusAsync(channel, threadTs, status, cancellationToken);
            return true;
        }
        catch (SlackApiException ex) when (ex.Error.StartsWith("missing_scope", StringComparison.Ordinal)
            || ex.Error.StartsWith("not_allowed_token_type", StringComparison.Ordinal))
        {
            if (!_refused)
            {
                _refused = true;
                LogRefused(ex.Error);
            }

            return false;
        }
        catch (SlackApiException ex)
        {
            LogFailed(ex.Error);
            return false;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack refused assistant.threads.setStatus ({Error}); no working status until restart. Reinstall the app with the manifest's scopes (assistant:write, chat:write)")]
    private partial void LogRefused(string error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "assistant.threads.setStatus failed ({Error}); answering without a status")]
    private partial void LogFailed(string error);
}
