using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoachBot.Storage.Challenges;

internal sealed class ChallengeWinnerConfiguration : IEntityTypeConfiguration<ChallengeWinner>
{
    public void Configure(EntityTypeBuilder<ChallengeWinner> builder)
    {
        builder.ToTable("challenge_winners");
        builder.HasKey(w => w.Id);
        builder.Property(w => w.CommunityKey).HasMaxLength(StorageLimits.KeyLength).IsRequired();
        builder.Property(w => w.UserKey).HasMaxLength(StorageLimits.KeyLength).IsRequired();
        builder.Property(w => w.DisplayName).HasMaxLength(StorageLimits.DisplayNameLength).IsRequired();
        builder.HasOne<Challenge>().WithMany().HasForeignKey(w => w.ChallengeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(w => new { w.ChallengeId, w.UserKey }).IsUnique();
        builder.HasIndex(w => new { w.CommunityKey, w.UserKey });
    }
}
