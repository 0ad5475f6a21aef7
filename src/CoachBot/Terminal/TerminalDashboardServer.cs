using CoachBot.Coaching.Challenges;
using CoachBot.Coaching.Competency;
using CoachBot.Dashboard;
using CoachBot.Dashboard.Pages;
using CoachBot.Dashboard.SignIn;
using CoachBot.Dashboard.Web;
using CoachBot.Hosting.Web;
using CoachBot.Storage.Challenges;
using CoachBot.Storage.Community;
using CoachBot.Storage.Dashboard;
using CoachBot.Storage.Quiz;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoachBot.Terminal;

/// <summary>
/// <c>/dashboard</c> at the terminal: when the host already serves HTTP, its address; otherwise a web server for the
/// dashboard alone, started on Http:Urls (default http://localhost:8080) the first time it is asked for, sharing the
/// bot's services (stores, challenge commands, clock), and stopped with the bot.
/// </summary>
public sealed class TerminalDashboardServer(IServiceProvider root, IConfiguration configuration) : IDashboardWebServer, IAsyncDisposable, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private WebApplication? _app;

    public async Task<Uri> EnsureRunningAsync(CancellationToken cancellationToken)
    {
        if (Address(root.GetService<IServer>()) is { } running)
        {
            return running;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_app is null)
            {
                var app = Build();
                await app.StartAsync(cancellationToken);
                _app = app;
            }

            return Address(_app.Services.GetRequiredService<IServer>())
                ?? throw new InvalidOperationException("The dashboard's web server started without an address.");
        }
        finally
        {
            _gate.Release();
        }
    }

    private WebApplication Build()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var urls = configuration[HttpServerOptions.SectionName + ":" + nameof(HttpServerOptions.Urls)] is { Length: > 0 } configured
            ? configured
            : HttpServerOptions.DefaultUrls;
        builder.WebHost.UseUrls([.. ManagementListener.Split(urls)]);
        var services = builder.Services;
        Forward<DashboardLinks>(services);
        Forward<DashboardQueries>(services);
        Forward<KnowledgeGaps>(services);
        Forward<ChallengeActions>(services);
        Forward<DashboardModeratorCheck>(services);
        Forward<IModeratorAuditLog>(services);
        Forward<IChallengeScheduleStore>(services);
        Forward<IChallengeStore>(services);
        Forward<IQuizStore>(services);
        Forward<ICommunityMemberStore>(services);
        Forward<ICompetencyMap>(services);
        Forward<TimeProvider>(services);
        services.AddDashboardWeb();
        var app = builder.Build();
        app.MapCoachDashboard();
        return app;
    }

    private void Forward<T>(IServiceCollection services)
        where T : class =>
        services.AddSingleton(_ => root.GetRequiredService<T>());

    private static Uri? Address(IServer? server) =>
        server?.Features.Get<IServerAddressesFeature>()?.Addresses.Select(a => new Uri(a)).FirstOrDefault();

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _gate.Dispose();
    }

    /// <summary>For a container disposed synchronously: the web server is stopped and released without waiting for requests.</summary>
    public void Dispose()
    {
        ((IDisposable?)_app)?.Dispose();
        _gate.Dispose();
    }
}
