using CoachBot.Core.Platforms;
using CoachBot.Dashboard.Web;
using CoachBot.Hosting.Web;
using CoachBot.Slack;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace CoachBot.Hosting;

/// <summary>
/// Builds the host with CoachBot's configuration sources, logging and services. It is a plain generic host unless
/// something needs HTTP (Slack in HTTP mode, or an explicit Http:Urls): then it is an ASP.NET Core web host listening
/// on ASPNETCORE_URLS / --urls / Http:Urls, plus Http:ManagementUrls for the operator endpoints when set.
/// </summary>
public static class CoachHostFactory
{
    public static IHost Build(string[] args, Action<IServiceCollection>? configureTestServices = null)
    {
        var probe = new ConfigurationManager();
        CoachConfiguration.AddSources(probe, Environments.Production);
        probe.AddEnvironmentVariables().AddCommandLine(args);
        return WebServerSelection.IsNeeded(probe, PlatformSelection.From(probe)) ? BuildWeb(args, configureTestServices) : BuildGeneric(args, configureTestServices);
    }

    private static IHost BuildGeneric(string[] args, Action<IServiceCollection>? configureTestServices)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        Configure(builder, configureTestServices);
        return builder.Build();
    }

    private static WebApplication BuildWeb(string[] args, Action<IServiceCollection>? configureTestServices)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        var platforms = Configure(builder, configureTestServices);
        builder.Services.AddCoachWebServer(platforms);
        var http = HttpServerOptions.From(builder.Configuration);
        var publicUrls = PublicUrls(builder.Configuration, http);
        var management = ManagementListener.From(http.ManagementUrls, publicUrls);
        // Both listeners on one Kestrel; which one a request came in on is told by its local port.
        builder.WebHost.UseUrls([.. publicUrls, .. management?.Urls ?? []]);

        var app = builder.Build();
        if (management is not null)
        {
            app.UseListenerSeparation(management);
        }

        app.MapCoachOperatorEndpoints();
        // The moderators' dashboard: public listener only (the listener separation above keeps it off the management port).
        app.MapCoachDashboard();
        if (platforms.Slack)
        {
            app.MapSlackEndpoints();
        }

        return app;
    }

    /// <summary>
    /// The public listening addresses: --urls, else Http:Urls, else ASPNETCORE_URLS, else the documented default.
    /// </summary>
    private static IReadOnlyList<string> PublicUrls(ConfigurationManager configuration, HttpServerOptions http)
    {
        var urls = configuration["urls"] is { Length: > 0 } commandLine ? commandLine
            : http.Urls is { Length: > 0 } configured ? configured
            : Environment.GetEnvironmentVariable("ASPNETCORE_URLS") is { Length: > 0 } environment ? environment
            : HttpServerOptions.DefaultUrls;
        return ManagementListener.Split(urls);
    }

    /// <summary>Adds configuration, logging and services; returns the platforms the configuration turns on.</summary>
    private static PlatformSelection Configure(IHostApplicationBuilder builder, Action<IServiceCollection>? configureTestServices)
    {
        CoachConfiguration.AddSources(builder.Configuration, builder.Environment.EnvironmentName);
        var platforms = PlatformSelection.From(builder.Configuration);
        ConfigureLogging(builder.Logging, builder.Configuration, quiet: platforms.Terminal);
        builder.Services
            .AddCoachFeatures(builder.Configuration)
            .AddCoachAdapters(builder.Configuration, platforms);
        configureTestServices?.Invoke(builder.Services);
        return platforms;
    }

    /// <summary>
    /// Logs go to standard error so they never mix with the terminal chat or CLI output on standard output. In the
    /// terminal chat, only warnings and errors are shown unless Logging:LogLevel:Default says otherwise.
    /// </summary>
    public static void ConfigureLogging(ILoggingBuilder logging, IConfiguration configuration, bool quiet)
    {
        ArgumentNullException.ThrowIfNull(logging);
        ArgumentNullException.ThrowIfNull(configuration);
        logging.ClearProviders();
        logging.AddConfiguration(configuration.GetSection("Logging"));
        if (string.Equals(configuration["Logging:Console:FormatterName"], "json", StringComparison.OrdinalIgnoreCase))
        {
            // One JSON object per line with the scopes (correlation id, conversation) as fields, for log shippers.
            logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                o.UseUtcTimestamp = true;
            });
        }
        else
        {
            logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss ";
                o.IncludeScopes = true;
            });
        }
        logging.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        if (quiet && configuration["Logging:LogLevel:Default"] is null)
        {
            logging.SetMinimumLevel(LogLevel.Warning);
        }
    }
}
