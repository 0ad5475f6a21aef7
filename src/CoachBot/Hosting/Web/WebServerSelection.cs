using CoachBot.Core.Platforms;
using Microsoft.Extensions.Configuration;

namespace CoachBot.Hosting.Web;

/// <summary>Decides whether the host serves HTTP, from the configuration alone (before any service exists).</summary>
public static class WebServerSelection
{
    public static bool IsNeeded(IConfiguration configuration, PlatformSelection platforms)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(platforms);
        var http = HttpServerOptions.From(configuration);
        if (http.Enabled is { } forced)
        {
            // Slack's HTTP mode can't work without the web server, so it wins over Http:Enabled=false.
            return forced || platforms.SlackOverHttp;
        }

        return platforms.Discord || platforms.Slack || !string.IsNullOrWhiteSpace(http.Urls);
    }
}
