using System.Globalization;
using Microsoft.Extensions.Options;

namespace CoachBot.Hosting.Web;

/// <summary>
/// The separate listener for the operator endpoints (<see cref="HttpServerOptions.ManagementUrls"/>): its addresses and
/// the ports that identify it on an incoming connection. Built from configuration while the host is built; an invalid
/// value stops the start with a message naming the key.
/// </summary>
public sealed class ManagementListener
{
    public const string Key = HttpServerOptions.SectionName + ":" + nameof(HttpServerOptions.ManagementUrls);

    private ManagementListener(IReadOnlyList<string> urls, IReadOnlySet<int> ports)
    {
        Urls = urls;
        Ports = ports;
    }

    public IReadOnlyList<string> Urls { get; }

    /// <summary>The local ports of the management listener; a request arriving on one is a management request.</summary>
    public IReadOnlySet<int> Ports { get; }

    /// <summary>
    /// The listener <paramref name="managementUrls"/> describes, or null when it is unset. Every address must be http or
    /// https with an explicit port (1-65535) that no public address (<paramref name="publicUrls"/>) uses.
    /// </summary>
    /// <exception cref="OptionsValidationException">The value is invalid; the failures name <see cref="Key"/>.</exception>
    public static ManagementListener? From(string? managementUrls, IEnumerable<string> publicUrls)
    {
        ArgumentNullException.ThrowIfNull(publicUrls);
        if (string.IsNullOrWhiteSpace(managementUrls))
        {
            return null;
        }

        var failures = new List<string>();
        var urls = Split(managementUrls);
        var ports = new HashSet<int>();
        foreach (var url in urls)
        {
            if (TryPort(url, out var port, out var explicitPort) && explicitPort && port > 0)
            {
                ports.Add(port);
            }
            else
            {
                failures.Add($"{Key}: '{url}' is not an http:// or https:// address with a port from 1 to 65535 (e.g. http://127.0.0.1:9090).");
            }
        }

        var publicPorts = publicUrls.Select(u => TryPort(u, out var p, out _) ? p : 0).Where(p => p > 0).ToHashSet();
        failures.AddRange(ports.Where(publicPorts.Contains).Select(port =>
            $"{Key}: port {port.ToString(CultureInfo.InvariantCulture)} is also a public listening port (Http:Urls); give the management listener a port of its own."));
        if (failures.Count > 0)
        {
            throw new OptionsValidationException(Key, typeof(HttpServerOptions), failures);
        }

        return new ManagementListener(urls, ports);
    }

    /// <summary>Addresses separated by ';', blanks dropped.</summary>
    public static IReadOnlyList<string> Split(string urls) =>
        (urls ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The port of a Kestrel-style address (host may be *, +, a name, an IPv4 or a [IPv6] literal); the scheme's default when none is given.</summary>
    private static bool TryPort(string url, out int port, out bool explicitPort)
    {
        port = 0;
        explicitPort = false;
        string rest;
        int defaultPort;
        if (url.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            rest = url["http://".Length..];
            defaultPort = 80;
        }
        else if (url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            rest = url["https://".Length..];
            defaultPort = 443;
        }
        else
        {
            return false;
        }

        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var authority = slash < 0 ? rest : rest[..slash];
        var hostEnd = authority.StartsWith('[') ? authority.IndexOf(']', StringComparison.Ordinal) : authority.LastIndexOf(':');
        if (authority.StartsWith('[') && hostEnd < 0)
        {
            return false;
        }

        var colon = authority.StartsWith('[') ? (hostEnd + 1 < authority.Length && authority[hostEnd + 1] == ':' ? hostEnd + 1 : -1) : hostEnd;
        var host = colon < 0 ? authority : authority[..colon];
        if (host.Length == 0 || host == "[]")
        {
            return false;
        }

        if (colon < 0)
        {
            port = defaultPort;
            return !authority.StartsWith('[') || hostEnd == authority.Length - 1;
        }

        explicitPort = true;
        return int.TryParse(authority[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out port) && port <= 65535;
    }
}
