namespace CoachBot.Storage;

/// <summary>Brings the database up to date (creates it, applies pending migrations). Safe to call more than once.</summary>
public interface IStorageInitializer
{
    Task InitializeAsync(CancellationToken cancellationToken);
}
