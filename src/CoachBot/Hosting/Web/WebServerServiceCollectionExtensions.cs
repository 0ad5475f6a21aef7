using System.Text.Json;
using CoachBot.Core.Diagnostics;
using CoachBot.Core.Platforms;
using CoachBot.Dashboard;
using CoachBot.Discord.Hosting;
using CoachBot.Hosting.Warmup;
using CoachBot.Knowledge.Retrieval;
using CoachBot.Slack.SocketMode;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;

namespace CoachBot.Hosting.Web;

/// <summary>
/// The operator's endpoints: <c>/healthz</c> (liveness), <c>/readyz</c> (readiness) and <c>/metrics</c> (Prometheus),
/// marked <see cref="OperatorEndpoint"/> so a management listener (Http:ManagementUrls) can keep them to itself.
/// </summary>
public static class WebServerServiceCollectionExtensions
{
    public const string ReadyTag = "ready";

    /// <summary>Readiness checks for what this host runs, and the CoachBot meter exported in Prometheus text format.</summary>
    public static IServiceCollection AddCoachWebServer(this IServiceCollection services, PlatformSelection platforms)
    {
        ArgumentNullException.ThrowIfNull(platforms);
        var checks = services.AddHealthChecks()
            .AddCheck<DatabaseReadinessCheck>("database", tags: [ReadyTag])
            .AddCheck<SemanticReadinessCheck>("semantic", tags: [ReadyTag]);
        if (platforms.Discord)
        {
            checks.AddCheck<DiscordReadinessCheck>("discord", tags: [ReadyTag]);
        }

        if (platforms.SlackOverSocketMode)
        {
            checks.AddCheck<SlackSocketReadinessCheck>("slack", tags: [ReadyTag]);
        }

        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(CoachMetrics.MeterName)
            .AddPrometheusExporter());
        services.AddDashboardWeb();
        return services;
    }

    public static WebApplication MapCoachOperatorEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/healthz", () => Results.Text("ok")).WithMetadata(OperatorEndpoint.Instance);
        app.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = WriteReadinessAsync,
        }).WithMetadata(OperatorEndpoint.Instance);
        app.MapPrometheusScrapingEndpoint("/metrics").WithMetadata(OperatorEndpoint.Instance);
        return app;
    }

    /// <summary>
    /// {"status":"Healthy","semantic":"warming 48/149","warmup":"pending","checks":{"discord":{"status":"Healthy","description":"1 of 1 shard(s) connected"},…}}
    /// (<c>semantic</c>: off, pending, warming N/M, ready or failed; <c>warmup</c>, the hot paths run on canned input
    /// after start-up: off, pending, running N/M, done or failed — both informational, never unhealthy).
    /// </summary>
    private static Task WriteReadinessAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            semantic = context.RequestServices.GetRequiredService<SemanticWarmup>().Describe(),
            warmup = context.RequestServices.GetService<HotPathWarmup>()?.Describe() ?? "off",
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
