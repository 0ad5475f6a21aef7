using Microsoft.EntityFrameworkCore.Design;

namespace CoachBot.Storage.Postgres;

/// <summary>
/// Lets <c>dotnet ef migrations add … --context PostgresCoachBotDbContext</c> build the model without the host or a
/// server (adding a migration never connects). <c>COACHBOT_DESIGN_POSTGRES</c> overrides the connection string for
/// commands that do connect (<c>dotnet ef database update</c>).
/// </summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresCoachBotDbContext>
{
    public PostgresCoachBotDbContext CreateDbContext(string[] args) =>
        new(StorageContextOptions.ForPostgres(new StorageOptions
        {
            Provider = StorageProvider.Postgres,
            ConnectionString = Environment.GetEnvironmentVariable("COACHBOT_DESIGN_POSTGRES")
                ?? "Host=127.0.0.1;Port=55432;Database=coachbot_design;Username=coachbot",
        }));
}
