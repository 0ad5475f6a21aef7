using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoachBot.Storage.Challenges;

internal sealed class ModeratorAuditEntryConfiguration : IEntityTypeConfiguration<ModeratorAuditEntry>
{
    public void Configure(EntityTypeBuilder<ModeratorAuditEntry> builder)
    {
        builder.ToTable("moderator_audit");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.CommunityKey).HasMaxLength(StorageLimits.KeyLength).IsRequired();
        builder.Property(e => e.ActorKey).HasMaxLength(StorageLimits.KeyLength).IsRequired();
        builder.Property(e => e.ActorName).HasMaxLength(StorageLimits.DisplayNameLength).IsRequired();
        builder.Property(e => e.Action).HasMaxLength(ChallengeLimits.ActionLength).IsRequired();
        builder.Property(e => e.Details).HasMaxLength(ChallengeLimits.DetailsLength).IsRequired();
        builder.Property(e => e.CorrelationId).HasMaxLength(ChallengeLimits.CorrelationIdLength);
        builder.HasIndex(e => new { e.CommunityKey, e.At });
    }
}
