namespace CoachBot.Storage.Dashboard;

/// <summary>Sign-in links to the dashboard (stored by hash) and the dashboard's generated secrets.</summary>
public interface IDashboardLinkStore
{
    Task SaveAsync(DashboardSignInLink link, CancellationToken cancellationToken);

    /// <summary>The link with this hash when it is neither consumed nor expired at <paramref name="now"/>.</summary>
    Task<DashboardSignInLink?> FindUsableAsync(string tokenHash, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Marks the link consumed and returns it, when it was unused and unexpired at <paramref name="now"/>; null
    /// otherwise. Of two requests racing with one link, exactly one gets it.
    /// </summary>
    Task<DashboardSignInLink?> TryConsumeAsync(string tokenHash, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Deletes links that expired before <paramref name="before"/>; returns how many.</summary>
    Task<int> PurgeExpiredAsync(DateTimeOffset before, CancellationToken cancellationToken);

    /// <summary>The stored secret named <paramref name="name"/>, created from <paramref name="create"/> when there is none (first writer wins).</summary>
    Task<string> GetOrCreateSecretAsync(string name, Func<string> create, DateTimeOffset now, CancellationToken cancellationToken);
}
