using Microsoft.EntityFrameworkCore;

namespace CoachBot.Storage.Postgres;

/// <summary>The PostgreSQL flavour of <see cref="CoachBotDbContext"/>; its migrations live in Migrations/Postgres.</summary>
public sealed class PostgresCoachBotDbContext(DbContextOptions<PostgresCoachBotDbContext> options) : CoachBotDbContext(options)
{
}
