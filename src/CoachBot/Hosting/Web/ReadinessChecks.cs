using CoachBot.Discord.Hosting;
using CoachBot.Knowledge.Retrieval;
using CoachBot.Slack.SocketMode;
using CoachBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CoachBot.Hosting.Web;

/// <summary>Ready when every Discord shard this process runs has a live gateway session.</summary>
public sealed class DiscordReadinessCheck(DiscordAdapterService adapter) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = adapter.Status;
        var result = status switch
        {
            { Stopped: true } => HealthCheckResult.Unhealthy("the Discord adapter stopped (see the log for why)"),
            { IsReady: true } => HealthCheckResult.Healthy($"{status.ReadyShards} of {status.Shards} shard(s) connected"),
            { Shards: 0 } => HealthCheckResult.Unhealthy("connecting to the Discord gateway"),
            _ => HealthCheckResult.Unhealthy($"{status.ReadyShards} of {status.Shards} shard(s) connected"),
        };
        return Task.FromResult(result);
    }
}

/// <summary>Ready when at least one Slack Socket Mode connection is open.</summary>
public sealed class SlackSocketReadinessCheck(SlackSocketModeClient client) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var open = client.OpenConnections;
        return Task.FromResult(open > 0
            ? HealthCheckResult.Healthy($"{open} Socket Mode connection(s) open")
            : HealthCheckResult.Unhealthy("no Slack Socket Mode connection open"));
    }
}

/// <summary>
/// Always healthy: lexical retrieval answers while the passage vectors warm up (and when semantic retrieval is off or
/// failed), so the state is reported, never held against readiness.
/// </summary>
public sealed class SemanticReadinessCheck(SemanticWarmup warmup) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(HealthCheckResult.Healthy(warmup.Describe()));
}

/// <summary>Ready when the database answers a query within the probe's time.</summary>
public sealed class DatabaseReadinessCheck(IDbContextFactory<CoachBotDbContext> contexts) : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await using var db = await contexts.CreateDbContextAsync(timeout.Token);
            return await db.Database.CanConnectAsync(timeout.Token)
                ? HealthCheckResult.Healthy("database reachable")
                : HealthCheckResult.Unhealthy("database not reachable");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"database did not answer within {Timeout.TotalSeconds:0} s");
        }
#pragma warning disable CA1031 // A probe reports any failure as "not ready"; the detail stays in the type name (no connection string).
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Unhealthy("database not reachable: " + ex.GetType().Name);
        }
    }
}
