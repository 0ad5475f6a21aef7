using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace CoachBot.Hosting;

/// <summary>Builds the generic host with CoachBot's configuration sources, logging and services.</summary>
public static class CoachHostFactory
{
    public static IHost Build(string[] args, Action<IServiceCollection>? configureTestServices = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        CoachConfiguration.AddSources(builder.Configuration, builder.Environment.EnvironmentName, args);
        var platforms = PlatformSelection.From(builder.Configuration);
        ConfigureLogging(builder.Logging, builder.Configuration, quiet: platforms.Terminal);

        builder.Services
            .AddCoachFeatures(builder.Configuration)
            .AddCoachAdapters(builder.Configuration, platforms);
        configureTestServices?.Invoke(builder.Services);
        return builder.Build();
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
        logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
            o.IncludeScopes = true;
        });
        logging.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        if (quiet && configuration["Logging:LogLevel:Default"] is null)
        {
            logging.SetMinimumLevel(LogLevel.Warning);
        }
    }
}
