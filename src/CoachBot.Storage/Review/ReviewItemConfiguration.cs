using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoachBot.Storage.Review;

internal sealed class ReviewItemConfiguration : IEntityTypeConfiguration<ReviewItem>
{
    public void Configure(EntityTypeBuilder<ReviewItem> builder)
    {
        builder.ToTable("review_items");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).HasMaxLength(ReviewItem.IdLength);
        builder.Property(i => i.UserKey).HasMaxLength(StorageLimits.KeyLength).IsRequired();
        builder.Property(i => i.CommunityKey).HasMaxLength(StorageLimits.KeyLength).IsRequired();
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(16).IsRequired();
        builder.Property(i => i.SourceId).HasMaxLength(ReviewItem.SourceIdLength).IsRequired();
        builder.Property(i => i.Skill).HasMaxLength(StorageLimits.ItemIdLength).IsRequired();
        builder.Property(i => i.Reference).HasMaxLength(StorageLimits.ReferenceLength).IsRequired();
        builder.Property(i => i.Prompt).HasMaxLength(ReviewItem.PromptLength).IsRequired();
        builder.Property(i => i.Answer).HasMaxLength(ReviewItem.AnswerLength).IsRequired();
        builder.Property(i => i.Version).IsConcurrencyToken();

        // One item per thing missed: a second miss reschedules it.
        builder.HasIndex(i => new { i.UserKey, i.Kind, i.SourceId }).IsUnique();
        builder.HasIndex(i => new { i.UserKey, i.DueAt });
    }
}
