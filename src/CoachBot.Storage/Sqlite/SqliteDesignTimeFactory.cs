using Microsoft.EntityFrameworkCore.Design;

namespace CoachBot.Storage.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add … --context SqliteCoachBotDbContext</c> build the model without the host.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteCoachBotDbContext>
{
    public SqliteCoachBotDbContext CreateDbContext(string[] args) =>
        new(StorageContextOptions.ForSqlite(new StorageOptions { ConnectionString = "Data Source=coachbot-design.db" }));
}
