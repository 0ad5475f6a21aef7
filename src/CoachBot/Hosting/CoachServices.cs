using CoachBot.Ai;
using CoachBot.Coaching.Ask;
using CoachBot.Coaching.Challenges;
using CoachBot.Coaching.Feedback;
using CoachBot.Coaching.Interview;
using CoachBot.Coaching.MyData;
using CoachBot.Coaching.Progress;
using CoachBot.Coaching.Quiz;
using CoachBot.Coaching.Review;
using CoachBot.Coaching.Reminders;
using CoachBot.Coaching.Roadmap;
using CoachBot.Core;
using CoachBot.Core.Platforms;
using CoachBot.Dashboard;
using CoachBot.Hosting.Warmup;
using CoachBot.Discord;
using CoachBot.Knowledge;
using CoachBot.Slack;
using CoachBot.Storage;
using CoachBot.Terminal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoachBot.Hosting;

/// <summary>The composition root: every feature and adapter registered through its own AddX().</summary>
public static class CoachServices
{
    /// <summary>Features and the services they need, with no adapter (used by the host and the one-shot CLI verbs).</summary>
    public static IServiceCollection AddCoachFeatures(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddCoachCore();
        services.AddKnowledge();
        services.AddCoachAi();
        services.AddCoachStorage();
        services.AddAskFeature();
        services.AddQuizFeature();
        services.AddProgressFeature();
        services.AddReviewFeature();
        services.AddInterviewFeature();
        services.AddChallengesFeature();
        services.AddFeedbackFeature();
        services.AddMyDataFeature();
        services.AddRoadmapFeature();
        services.AddRemindersFeature();
        services.AddDashboardFeature();
        return services;
    }

    /// <summary>The adapters the configuration asks for: each platform adapter turns itself on when its token is set.</summary>
    public static IServiceCollection AddCoachAdapters(this IServiceCollection services, IConfiguration configuration, PlatformSelection platforms)
    {
        ArgumentNullException.ThrowIfNull(platforms);
        services.AddDiscordAdapter(configuration);
        services.AddSlackAdapter(configuration);
        services.AddHotPathWarmup();
        services.AddOptions<TerminalOptions>()
            .BindConfiguration(TerminalOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        if (platforms.Terminal)
        {
            services.TryAddEnumerable(ServiceDescriptor.Singleton<CoachBot.Core.Outbound.IModeratorDirectory, TerminalModeratorDirectory>());
            services.TryAddSingleton<CoachBot.Dashboard.SignIn.IDashboardWebServer, TerminalDashboardServer>();
            services.AddHostedService<TerminalChatService>();
        }

        return services;
    }
}
