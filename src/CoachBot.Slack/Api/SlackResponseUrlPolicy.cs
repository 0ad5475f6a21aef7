using CoachBot.Slack.Configuration;
using Microsoft.Extensions.Options;

namespace CoachBot.Slack.Api;

/// <summary>
/// Where a response_url may send the bot: https on a Slack host (<c>Slack:ResponseUrlHosts</c>, hooks.slack.com by
/// default), http only when <c>Slack:AllowInsecureResponseUrls</c> is set for tests. A request's response_url comes
/// from the request itself, so without this check a signed request could make the bot POST to any address.
/// </summary>
public sealed class SlackResponseUrlPolicy
{
    private readonly HashSet<string> _hosts;
    private readonly bool _allowHttp;

    public SlackResponseUrlPolicy(IOptions<SlackOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _hosts = new HashSet<string>(options.Value.ResponseUrlHostsInForce(), StringComparer.OrdinalIgnoreCase);
        _allowHttp = options.Value.AllowInsecureResponseUrls;
    }

    /// <summary>True when the bot may POST to <paramref name="responseUrl"/>; <paramref name="host"/> is what may be logged (never the path: it is a credential).</summary>
    public bool Allows(string? responseUrl, out string host)
    {
        host = "(unparseable)";
        if (!Uri.TryCreate(responseUrl, UriKind.Absolute, out var uri))
        {
            return false;
        }

        host = uri.Scheme + "://" + uri.Authority;
        var schemeAllowed = uri.Scheme == Uri.UriSchemeHttps || (_allowHttp && uri.Scheme == Uri.UriSchemeHttp);
        return schemeAllowed && string.IsNullOrEmpty(uri.UserInfo) && _hosts.Contains(uri.IdnHost);
    }
}
