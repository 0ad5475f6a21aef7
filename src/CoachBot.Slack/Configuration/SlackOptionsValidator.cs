using CoachBot.Core.Platforms;
using Microsoft.Extensions.Options;

namespace CoachBot.Slack.Configuration;

/// <summary>Rules that span keys; every message names the key to fix and never echoes a secret.</summary>
public sealed class SlackOptionsValidator : IValidateOptions<SlackOptions>
{
    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        const string Section = SlackOptions.SectionName;

        if (string.IsNullOrWhiteSpace(options.BotToken))
        {
            failures.Add($"{Section}:BotToken is required to run the Slack adapter (a bot token starting with xoxb-).");
        }
        else if (!options.BotToken.StartsWith("xoxb-", StringComparison.Ordinal))
        {
            failures.Add($"{Section}:BotToken must be a bot token starting with xoxb- (Slack app > OAuth & Permissions > Bot User OAuth Token).");
        }

        if (options.Mode == SlackMode.SocketMode)
        {
            if (string.IsNullOrWhiteSpace(options.AppToken))
            {
                failures.Add($"{Section}:AppToken is required when {Section}:Mode is SocketMode (an app-level token starting with xapp- with connections:write).");
            }
            else if (!options.AppToken.StartsWith("xapp-", StringComparison.Ordinal))
            {
                failures.Add($"{Section}:AppToken must be an app-level token starting with xapp-.");
            }

            if (options.SocketProcesses * options.SocketConnections > SlackOptions.MaxSocketConnectionsPerApp)
            {
                failures.Add($"{Section}:SocketProcesses ({options.SocketProcesses}) × {Section}:SocketConnections ({options.SocketConnections}) must be at most {SlackOptions.MaxSocketConnectionsPerApp}: Slack allows {SlackOptions.MaxSocketConnectionsPerApp} Socket Mode connections per app.");
            }
        }
        else if (options.Mode == SlackMode.Http)
        {
            if (string.IsNullOrWhiteSpace(options.SigningSecret))
            {
                failures.Add($"{Section}:SigningSecret is required when {Section}:Mode is Http (Slack app > Basic Information > Signing Secret).");
            }

            foreach (var (key, path) in new[] { ("EventsPath", options.EventsPath), ("CommandsPath", options.CommandsPath), ("InteractivityPath", options.InteractivityPath) })
            {
                if (string.IsNullOrWhiteSpace(path) || !path.StartsWith('/'))
                {
                    failures.Add($"{Section}:{key} must be a path starting with '/', e.g. /slack/events.");
                }
            }
        }
        else
        {
            failures.Add($"{Section}:Mode must be SocketMode or Http.");
        }

        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var api) || (api.Scheme != Uri.UriSchemeHttps && api.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"{Section}:ApiBaseUrl must be an absolute http(s) URL such as {SlackOptions.DefaultApiBaseUrl}.");
        }

        for (var i = 0; i < options.ResponseUrlHosts.Count; i++)
        {
            var host = options.ResponseUrlHosts[i]?.Trim() ?? string.Empty;
            if (host.Length == 0 || host.IndexOfAny([':', '/', '?', '#', '@', '\\', ' ']) >= 0 || Uri.CheckHostName(host) == UriHostNameType.Unknown)
            {
                failures.Add($"{Section}:ResponseUrlHosts:{i} must be a host name such as {SlackOptions.DefaultResponseUrlHost} (no scheme, path or port).");
            }
        }

        foreach (var id in options.ModeratorUserIds)
        {
            if (string.IsNullOrWhiteSpace(id) || !id.All(char.IsAsciiLetterOrDigit))
            {
                failures.Add($"{Section}:ModeratorUserIds contains an entry that is not a Slack user id (like U0123ABC).");
                break;
            }
        }

        foreach (var id in options.ModeratorUserGroupIds)
        {
            if (string.IsNullOrWhiteSpace(id) || !id.All(char.IsAsciiLetterOrDigit))
            {
                failures.Add($"{Section}:ModeratorUserGroupIds contains an entry that is not a Slack user group id (like S0123ABC).");
                break;
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
