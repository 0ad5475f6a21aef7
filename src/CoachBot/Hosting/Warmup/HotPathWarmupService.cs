using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace CoachBot.Hosting.Warmup;

/// <summary>Runs the <see cref="HotPathWarmup"/> in the background when the host starts, without holding the start-up up.</summary>
public sealed class HotPathWarmupService(HotPathWarmup warmup) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        await warmup.RunAsync(stoppingToken).ConfigureAwait(false);
    }
}

public static class WarmupServiceCollectionExtensions
{
    /// <summary>The hot-path warm-up of a running bot (not of the one-shot CLI verbs).</summary>
    public static IServiceCollection AddHotPathWarmup(this IServiceCollection services)
    {
        services.AddOptions<WarmupOptions>()
            .BindConfiguration(WarmupOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<OfflineAnswers>();
        services.TryAddSingleton<HotPathWarmup>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, HotPathWarmupService>());
        return services;
    }
}
