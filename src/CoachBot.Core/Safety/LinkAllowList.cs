namespace CoachBot.Core.Safety;

/// <summary>
/// The hosts a masked link in model-written text may point to (<c>[label](https://host/…)</c> kept as a link whose
/// target the reader cannot see). Everything else is shown with its address; see <see cref="MaskedLinks"/>.
/// </summary>
public sealed class LinkAllowList
{
    private readonly HashSet<string> _hosts;

    public LinkAllowList(IEnumerable<string> hosts)
    {
        ArgumentNullException.ThrowIfNull(hosts);
        _hosts = new HashSet<string>(hosts.Select(h => h.Trim().TrimEnd('.')).Where(h => h.Length > 0), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>No host is trusted: every link is shown with its address.</summary>
    public static LinkAllowList None { get; } = new([]);

    public IReadOnlyCollection<string> Hosts => _hosts;

    /// <summary>An https (or http) address whose host is on the list, exactly (no subdomains, no user info tricks: the parsed host counts).</summary>
    public bool Allows(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return uri.IsAbsoluteUri
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && string.IsNullOrEmpty(uri.UserInfo)
            && _hosts.Contains(uri.IdnHost.TrimEnd('.'));
    }

    /// <summary>The host of <paramref name="source"/> when it is an absolute http(s) address, for building the list from guide sources.</summary>
    public static string? HostOf(string? source) =>
        Uri.TryCreate(source?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri.IdnHost
            : null;
}
