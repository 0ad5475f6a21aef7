namespace CoachBot.Dashboard.SignIn;

/// <summary>
/// For the operator's console (the terminal chat): starts the web server that serves the dashboard when it is not
/// running yet. Hosts that always serve HTTP do not register one.
/// </summary>
public interface IDashboardWebServer
{
    /// <summary>The address the dashboard is served at once running.</summary>
    Task<Uri> EnsureRunningAsync(CancellationToken cancellationToken);
}
