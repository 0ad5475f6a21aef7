namespace CoachBot.Coaching.Tests.Support;

/// <summary>Storage for a <see cref="FeatureTestHost"/>, registered and migrated the way the host does it.</summary>
public static class FeatureTestHostStorage
{
    /// <summary>AddCoachStorage on a SQLite file in the host's data folder, copied from <see cref="SqliteTemplate"/> unless one is there.</summary>
    public static FeatureTestHostBuilder WithSqliteStorage(this FeatureTestHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .SeedDataFile(SqliteTemplate.FileName, () => Task.FromResult(SqliteTemplate.File))
            .WithStorage();
    }

    /// <summary>AddCoachStorage as configured (the Storage:* settings), migrated at start.</summary>
    public static FeatureTestHostBuilder WithStorage(this FeatureTestHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .AddFeatures(services => services.AddCoachStorage())
            .OnStarted((services, cancellationToken) => services.GetRequiredService<IStorageInitializer>().InitializeAsync(cancellationToken))
            .ReleasingFilesWith(SqliteConnection.ClearAllPools);
    }
}
