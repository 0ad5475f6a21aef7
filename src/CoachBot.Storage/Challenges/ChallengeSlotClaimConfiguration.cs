using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoachBot.Storage.Challenges;

internal sealed class ChallengeSlotClaimConfiguration : IEntityTypeConfiguration<ChallengeSlotClaim>
{
    public void Configure(EntityTypeBuilder<ChallengeSlotClaim> builder)
    {
        builder.ToTable("challenge_slot_claims");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.CommunityKey).HasMaxLength(StorageLimits.KeyLength).IsRequired();
        builder.Property(c => c.WeekKey).HasMaxLength(ChallengeLimits.WeekKeyLength).IsRequired();
        builder.Property(c => c.ClaimedBy).HasMaxLength(StorageLimits.KeyLength).IsRequired();
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16).IsRequired();
        builder.Property(c => c.LastError).HasMaxLength(ChallengeLimits.ErrorLength);

        // The exactly-once guarantee: two instances racing for the same week cannot both insert.
        builder.HasIndex(c => new { c.CommunityKey, c.WeekKey }).IsUnique();
        builder.HasIndex(c => c.Status);
    }
}
