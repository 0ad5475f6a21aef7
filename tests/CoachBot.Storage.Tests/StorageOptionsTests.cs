using CoachBot.Storage.Postgres;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CoachBot.Storage.Tests;

public sealed class StorageOptionsTests
{
    [Fact]
    public void Validate_Defaults_AreValid()
    {
        var result = new StorageOptionsValidator().Validate(null, new StorageOptions());

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Validate_PostgresWithoutConnectionString_FailsNamingTheKey()
    {
        var result = new StorageOptionsValidator().Validate(null, new StorageOptions { Provider = StorageProvider.Postgres });

        Assert.True(result.Failed);
        Assert.Contains("Storage:ConnectionString", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MalformedPostgresConnectionString_FailsWithoutEchoingIt()
    {
        var options = new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = "Nonsense=secret-value" };

        var result = new StorageOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Storage:ConnectionString", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-value", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void AddCoachStorage_PostgresWithoutConnectionString_FailsAtStartupNamingTheKey()
    {
        using var provider = BuildProvider(new() { ["Storage:Provider"] = "Postgres" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Storage:ConnectionString", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddCoachStorage_UnknownProvider_FailsAtStartup()
    {
        using var provider = BuildProvider(new() { ["Storage:Provider"] = "Oracle" });

        Assert.ThrowsAny<InvalidOperationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
    }

    [Fact]
    public async Task AddCoachStorage_Sqlite_CreatesTheDataDirectoryAndMigratesWhileStarting()
    {
        var directory = Path.Combine(Path.GetTempPath(), "coachbot-tests", Guid.NewGuid().ToString("N"), "nested");
        await using var provider = BuildProvider(new() { ["Storage:DataDirectory"] = directory });

        var contexts = provider.GetRequiredService<IDbContextFactory<CoachBotDbContext>>();
        foreach (var service in provider.GetServices<IHostedService>().OfType<IHostedLifecycleService>())
        {
            await service.StartingAsync(CancellationToken.None);
        }

        await using var db = await contexts.CreateDbContextAsync();
        Assert.IsType<SqliteCoachBotDbContext>(db);
        Assert.True(Directory.Exists(directory));
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Path.GetDirectoryName(directory)!, recursive: true);
    }

    [Fact]
    public void AddCoachStorage_Postgres_CreatesThePostgresContext()
    {
        using var provider = BuildProvider(new()
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:ConnectionString"] = "Host=127.0.0.1;Port=1;Database=x;Username=y;Password=z",
        });

        using var db = provider.GetRequiredService<IDbContextFactory<CoachBotDbContext>>().CreateDbContext();

        Assert.IsType<PostgresCoachBotDbContext>(db);
    }

    [Theory]
    [InlineData(null, 2L)]
    [InlineData("Full", 2L)]
    [InlineData("Normal", 1L)]
    public async Task AddCoachStorage_Sqlite_SetsTheSynchronousLevelOnEveryNewConnection(string? setting, long expected)
    {
        var directory = Path.Combine(Path.GetTempPath(), "coachbot-tests", Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string?> { ["Storage:DataDirectory"] = directory };
        if (setting is not null)
        {
            settings["Storage:SqliteSynchronous"] = setting;
        }

        await using (var provider = BuildProvider(settings))
        {
            Directory.CreateDirectory(directory);
            await using var db = await provider.GetRequiredService<IDbContextFactory<CoachBotDbContext>>().CreateDbContextAsync();
            await db.Database.OpenConnectionAsync();
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA synchronous";

            // 2 is FULL, 1 NORMAL (SQLite reports the level as a number).
            Assert.Equal(expected, (long)(await command.ExecuteScalarAsync())!);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    private static ServiceProvider BuildProvider(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddCoachStorage();
        return services.BuildServiceProvider();
    }
}
