using CoachBot.Core.Inbound;
using CoachBot.Core.Platforms;
using CoachBot.Slack.Agent;
using CoachBot.Slack.Api;
using CoachBot.Slack.Commands;
using CoachBot.Slack.Configuration;
using CoachBot.Slack.Delivery;
using CoachBot.Slack.Http;
using CoachBot.Slack.Identity;
using CoachBot.Slack.Inbound;
using CoachBot.Slack.SocketMode;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Slack;

public static class SlackServiceCollectionExtensions
{
    /// <summary>The name of the HttpClient the Slack Web API client uses.</summary>
    public const string HttpClientName = "CoachBot.Slack";

    /// <summary>
    /// Registers the Slack adapter when Slack:BotToken is set (otherwise does nothing: the adapter stays off). Socket Mode
    /// (default) runs as a hosted service; HTTP mode also needs <c>app.MapSlackEndpoints()</c> on the host's web app.
    /// Needs <c>AddCoachCore()</c> and the features registered too.
    /// </summary>
    public static IServiceCollection AddSlackAdapter(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var platforms = PlatformSelection.From(configuration);
        if (!platforms.Slack)
        {
            return services;
        }

        services.AddOptions<SlackOptions>()
            .BindConfiguration(SlackOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.AddHttpClient(HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30))
            // No redirects: a Web API or response_url answer that points elsewhere is an error, never a second request.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AllowAutoRedirect = false })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            // The default request logging would write response_url paths (bearer-like secrets) to the log.
            .RemoveAllLoggers();
        // One instance: it holds the per-method 429 state and the per-channel pacing.
        services.TryAddSingleton(sp => new SlackApiClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            sp.GetRequiredService<IOptions<SlackOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<SlackApiClient>>()));

        services.TryAddSingleton<SlackBotIdentity>();
        services.TryAddSingleton<SlackModeratorResolver>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IModeratorDirectory, Identity.SlackModeratorDirectory>());
        services.TryAddSingleton<SlackThreadTracker>();
        services.TryAddSingleton<SlackDeliveryDeduplicator>();
        services.TryAddSingleton<SlackInbox>();
        services.TryAddSingleton<CoachBot.Core.Work.AcknowledgementsFirst>();
        services.TryAddSingleton<SlackIntake>();
        services.TryAddSingleton<SlackRejectedRequestLog>();
        services.AddInboundInbox();
        services.TryAddSingleton<SlackInboundRouter>();
        services.TryAddSingleton<SlackContextFactory>();
        services.TryAddSingleton<SlackResponseUrlPolicy>();
        services.TryAddSingleton<SlackImageRetry>();
        services.TryAddSingleton<SlackPrivateFileSender>();
        services.TryAddSingleton<SlackCommandMentions>();
        services.TryAddSingleton<SlackReplySender>();
        services.TryAddSingleton<SlackAnswerStreams>();
        services.TryAddSingleton<SlackGreetingLedger>();
        services.TryAddSingleton<SlackAssistantStatus>();
        services.TryAddSingleton<SlackAgentGreeter>();
        services.TryAddSingleton<ISlackEventsHandler, CoachEventsHandler>();
        services.TryAddSingleton<ISlackSlashCommandHandler, CoachSlashCommandHandler>();
        services.TryAddSingleton<ISlackBlockActionHandler, CoachBlockActionHandler>();
        services.TryAddSingleton<ISlackViewSubmissionHandler, CoachViewSubmissionHandler>();
        services.TryAddSingleton<SlackSignatureVerifier>();
        services.TryAddSingleton<SlackHttpEndpoints>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChannelMessenger, SlackChannelMessenger>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDirectMessenger, SlackDirectMessenger>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChannelDirectory, SlackChannelDirectory>());

        services.AddHostedService<SlackAdapterStartup>();
        services.AddHostedService<SlackInboundWorker>();
        // A Mode that isn't one counts as Socket Mode here; the options validation reports it by key.
        if (platforms.SlackOverSocketMode)
        {
            services.TryAddSingleton<SlackSocketModeClient>();
            services.AddHostedService(sp => sp.GetRequiredService<SlackSocketModeClient>());
        }

        return services;
    }
}
