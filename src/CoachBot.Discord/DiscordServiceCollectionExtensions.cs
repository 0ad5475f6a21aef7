using CoachBot.Core.Outbound;
using CoachBot.Discord.Commands;
using CoachBot.Discord.Hosting;
using CoachBot.Discord.Interactions;
using CoachBot.Discord.Messages;
using CoachBot.Discord.Outbound;
using CoachBot.Discord.Rest;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CoachBot.Discord;

public static class DiscordServiceCollectionExtensions
{
    /// <summary>
    /// Adds the Discord adapter when <c>Discord:Token</c> is set: options (validated at start-up), the REST client, the
    /// interaction and message handlers, the channel messenger for scheduled posts, and the hosted service that runs
    /// the gateway. Without a token it only logs, once, that the adapter is off. Needs <c>AddCoachCore()</c>.
    /// </summary>
    public static IServiceCollection AddDiscordAdapter(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (string.IsNullOrWhiteSpace(configuration.GetSection(DiscordOptions.SectionName)[nameof(DiscordOptions.Token)]))
        {
            services.AddHostedService<DiscordAdapterDisabledNotice>();
            return services;
        }

        services.AddOptions<DiscordOptions>()
            .BindConfiguration(DiscordOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiscordOptions>, DiscordOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        // Our own logging names routes by template; the factory's default loggers would print URLs with interaction tokens.
        services.AddHttpClient(DiscordRestClient.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30))
            .RemoveAllLoggers();

        services.TryAddSingleton<DiscordRestClient>();
        services.TryAddSingleton<DiscordSession>();
        services.TryAddSingleton<BotThreadRegistry>();
        services.TryAddSingleton<ThreadStarter>();
        services.TryAddSingleton<DiscordContextFactory>();
        services.TryAddSingleton<PendingForms>();
        services.TryAddSingleton<DiscordInteractionHandler>();
        services.TryAddSingleton<DiscordMessageHandler>();
        services.TryAddSingleton<CommandRegistrar>();
        services.TryAddSingleton<DiscordAdapterService>();
        services.AddHostedService(sp => sp.GetRequiredService<DiscordAdapterService>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChannelMessenger, DiscordChannelMessenger>());
        return services;
    }
}
