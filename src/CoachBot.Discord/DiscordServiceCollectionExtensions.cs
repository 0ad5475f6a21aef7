using CoachBot.Core.Work;
using CoachBot.Core.Inbound;
using CoachBot.Core.Platforms;
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
    /// interaction and message handlers, the channel messenger for scheduled posts, the moderator directory the
    /// dashboard re-checks rights with, and the hosted service that runs the gateway. Without a token it only logs, once, that the adapter is off. Needs <c>AddCoachCore()</c>.
    /// </summary>
    public static IServiceCollection AddDiscordAdapter(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (!PlatformSelection.From(configuration).Discord)
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
        // One long-lived connection pool: the factory's default two-minute handler rotation would leave every burst of
        // acknowledgements opening fresh connections (a TLS handshake each against the real API). Connections are
        // still renewed every ten minutes so DNS changes are picked up, and HTTP/2 is used where the server offers it.
        services.AddHttpClient(DiscordRestClient.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(10),
                PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
                EnableMultipleHttp2Connections = true,
                AutomaticDecompression = System.Net.DecompressionMethods.None,
                // A redirect from the REST API is an error to see, never a request to follow (with the bot token) elsewhere.
                AllowAutoRedirect = false,
            })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers();

        services.TryAddSingleton<DiscordRestClient>();
        services.TryAddSingleton<DiscordSession>();
        services.TryAddSingleton<BotThreadRegistry>();
        services.TryAddSingleton<ThreadStarter>();
        services.TryAddSingleton<DiscordContextFactory>();
        services.TryAddSingleton<PendingForms>();
        services.TryAddSingleton<AcknowledgementsFirst>();
        services.TryAddSingleton<CoachingWorkGate>();
        services.AddInboundInbox();
        services.TryAddSingleton<InteractionInbox>();
        services.TryAddSingleton<DiscordInteractionHandler>();
        services.TryAddSingleton<InteractionReplay>();
        services.TryAddSingleton<DiscordMessageHandler>();
        services.TryAddSingleton<CommandRegistrar>();
        services.TryAddSingleton<DiscordAdapterService>();
        services.AddHostedService(sp => sp.GetRequiredService<DiscordAdapterService>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChannelMessenger, DiscordChannelMessenger>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDirectMessenger, DiscordDirectMessenger>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChannelDirectory, DiscordChannelDirectory>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IModeratorDirectory, DiscordModeratorDirectory>());
        return services;
    }
}
