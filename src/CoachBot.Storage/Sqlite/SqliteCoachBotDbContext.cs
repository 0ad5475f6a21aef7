using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CoachBot.Storage.Sqlite;

/// <summary>The SQLite flavour of <see cref="CoachBotDbContext"/>; its migrations live in Migrations/Sqlite.</summary>
public sealed class SqliteCoachBotDbContext(DbContextOptions<SqliteCoachBotDbContext> options) : CoachBotDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        base.ConfigureConventions(configurationBuilder);

        // SQLite has no date type: EF would store DateTimeOffset as text and refuses to ORDER BY or compare it in SQL.
        // Stored as a long (UTC ticks first), timestamps sort and compare correctly.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}
