using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoachBot.Storage.Challenges;

internal sealed class ChallengeSubmissionConfiguration : IEntityTypeConfiguration<ChallengeSubmission>
{
    public void Configure(EntityTypeBuilder<ChallengeSubmission> builder)
    {
        builder.ToTable("challenge_submissions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.UserKey).HasMaxLength(StorageLimits.KeyLength).IsRequired();
        builder.Property(s => s.DisplayName).HasMaxLength(StorageLimits.DisplayNameLength).IsRequired();
        builder.Property(s => s.Content).HasMaxLength(ChallengeLimits.SubmissionLength).IsRequired();
        builder.HasOne<Challenge>().WithMany().HasForeignKey(s => s.ChallengeId).OnDelete(DeleteBehavior.Cascade);

        // One submission per member and challenge; a second /challenge submit edits it.
        builder.HasIndex(s => new { s.ChallengeId, s.UserKey }).IsUnique();
        builder.HasIndex(s => s.UserKey);
    }
}
