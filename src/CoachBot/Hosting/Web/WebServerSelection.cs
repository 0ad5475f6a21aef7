using Microsoft.Extensions.Configuration;

namespace CoachBot.Hosting.Web;

/// <summary>Decides whether the host serves HTTP, from the configuration alone (before any service exists).</summary>
public static class WebServerSelection
{
    public static bool IsNeeded(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var platforms = PlatformSelection.From(configuration);
        var slackHttp = platforms.Slack && string.Equals(configuration["Slack:Mode"], "Http", StringComparison.OrdinalIgnoreCase);
        var http = HttpServerOptions.From(configuration);
        if (http.Enabled is { } forced)
        {
            // Slack's HTTP mode can't work without the web server, so it wins over Http:Enabled=false.
            return forced || slackHttp;
        }

        return platforms.Discord || platforms.Slack || !string.IsNullOrWhiteSpace(http.Urls);
    }
}
