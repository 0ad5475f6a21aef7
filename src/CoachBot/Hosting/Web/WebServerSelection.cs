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
        if (bool.TryParse(configuration["Http:Enabled"], out var forced))
        {
            // Slack's HTTP mode can't work without the web server, so it wins over Http:Enabled=false.
            return forced || platforms.SlackOverHttp;
        }

        return platforms.Discord || platforms.Slack || !string.IsNullOrWhiteSpace(configuration["Http:Urls"]);
    }
}
