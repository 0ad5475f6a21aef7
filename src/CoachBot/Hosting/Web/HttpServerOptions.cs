namespace CoachBot.Hosting.Web;

/// <summary>
/// The host's own web server (section "Http"): liveness <c>/healthz</c>, readiness <c>/readyz</c>, Prometheus metrics
/// <c>/metrics</c>, and the Slack endpoints in HTTP mode. Read from configuration while the host is built (see
/// <see cref="WebServerSelection"/> and CoachHostFactory), before any service exists; the class names the keys.
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
}
