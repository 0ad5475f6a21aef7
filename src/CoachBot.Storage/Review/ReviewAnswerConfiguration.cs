using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoachBot.Storage.Review;

internal sealed class ReviewAnswerConfiguration : IEntityTypeConfiguration<ReviewAnswer>
{
    public void Configure(EntityTypeBuilder<ReviewAnswer> builder)
    {
        builder.ToTable("review_answers");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.ItemId).HasMaxLength(ReviewItem.IdLength).IsRequired();
        builder.Property(a => a.UserKey).HasMaxLength(StorageLimits.KeyLength).IsRequired();
        builder.Property(a => a.CommunityKey).HasMaxLength(StorageLimits.KeyLength).IsRequired();
        builder.Property(a => a.Skill).HasMaxLength(StorageLimits.ItemIdLength).IsRequired();
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(16).IsRequired();
        builder.HasOne<ReviewItem>().WithMany().HasForeignKey(a => a.ItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.UserKey, a.AnsweredAt });
    }
}
