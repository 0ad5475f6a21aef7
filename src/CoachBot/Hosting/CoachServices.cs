using CoachBot.Core;
using CoachBot.Knowledge;
using CoachBot.Terminal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Hosting;

/// <summary>The composition root: every feature and adapter registered through its own AddX().</summary>
public static class CoachServices
{
    /// <summary>Features and the services they need, with no adapter (used by the host and the one-shot CLI verbs).</summary>
    public static IServiceCollection AddCoachFeatures(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        services.AddCoachCore();
        services.AddKnowledge();
        return services;
    }

    /// <summary>The adapters the configuration asks for.</summary>
    public static IServiceCollection AddCoachAdapters(this IServiceCollection services, IConfiguration configuration, PlatformSelection platforms)
    {
        ArgumentNullException.ThrowIfNull(platforms);
        _ = configuration;
        services.AddOptions<TerminalOptions>()
            .BindConfiguration(TerminalOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        if (platforms.Terminal)
        {
            services.AddHostedService<TerminalChatService>();
        }

        return services;
    }
}
