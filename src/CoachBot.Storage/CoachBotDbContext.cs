using CoachBot.Storage.Community;
using Microsoft.EntityFrameworkCore;

namespace CoachBot.Storage;

/// <summary>
/// The coach's database. Features add their entities in their own folder (an entity plus an
/// <see cref="IEntityTypeConfiguration{TEntity}"/>); <see cref="OnModelCreating"/> picks every configuration up from this
/// assembly, so nobody edits a shared file. Each provider has a derived context with its own migrations
/// (<see cref="Sqlite.SqliteCoachBotDbContext"/>, <see cref="Postgres.PostgresCoachBotDbContext"/>); code depends on this
/// base type through <see cref="IDbContextFactory{TContext}"/>.
/// </summary>
public abstract class CoachBotDbContext : DbContext
{
    protected CoachBotDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<CommunityMember> CommunityMembers => Set<CommunityMember>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CoachBotDbContext).Assembly);
    }
}
