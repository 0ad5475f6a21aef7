using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace CoachBot.Hosting.Web;

/// <summary>
/// The host's own web server (section "Http"): liveness <c>/healthz</c>, readiness <c>/readyz</c>, Prometheus metrics
/// <c>/metrics</c> (on a listener of their own with <see cref="ManagementUrls"/>), and the Slack endpoints in HTTP mode.
/// Bound with <see cref="From"/> while the host is built (by <see cref="WebServerSelection"/> and CoachHostFactory),
/// before any service exists, so it is not in the container.
/// </summary>
public sealed class HttpServerOptions
{
    public const string SectionName = "Http";

    /// <summary>The address the bot listens on when the web server runs without Http:Urls, --urls or ASPNETCORE_URLS.</summary>
    public const string DefaultUrls = "http://localhost:8080";

    /// <summary>null: on when Discord or Slack runs, off for the terminal chat alone; true or false forces it.</summary>
    public bool? Enabled { get; set; }

    /// <summary>Listening addresses separated by ';' (default <see cref="DefaultUrls"/>).</summary>
    public string? Urls { get; set; }

    /// <summary>
    /// Addresses (separated by ';', each with a port of its own) of a separate listener for <c>/healthz</c>,
    /// <c>/readyz</c> and <c>/metrics</c>. Set, the public listener (<see cref="Urls"/>, which Slack's HTTP mode needs)
    /// no longer serves them (404) and this one serves nothing else; unset, they stay on <see cref="Urls"/>.
    /// </summary>
    public string? ManagementUrls { get; set; }

    /// <summary>The "Http" section bound; a value that is not a boolean in Http:Enabled fails naming the key.</summary>
    public static HttpServerOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        try
        {
            return configuration.GetSection(SectionName).Get<HttpServerOptions>() ?? new HttpServerOptions();
        }
        catch (InvalidOperationException)
        {
            // Enabled is the only member that is not text, so it is the one the binder could not convert.
            throw new OptionsValidationException(
                SectionName, typeof(HttpServerOptions), [$"{SectionName}:{nameof(Enabled)} must be true, false or empty."]);
        }
    }
}
