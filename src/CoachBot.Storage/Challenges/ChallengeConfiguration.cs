using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoachBot.Storage.Challenges;

internal sealed class ChallengeConfiguration : IEntityTypeConfiguration<Challenge>
{
    public void Configure(EntityTypeBuilder<Challenge> builder)
    {
        builder.ToTable("challenges");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.CommunityKey).HasMaxLength(StorageLimits.KeyLength).IsRequired();
        builder.Property(c => c.Platform).HasConversion<string>().HasMaxLength(StorageLimits.PlatformLength).IsRequired();
        builder.Property(c => c.CommunityId).HasMaxLength(StorageLimits.KeyLength).IsRequired();
        builder.Property(c => c.ChannelId).HasMaxLength(StorageLimits.KeyLength).IsRequired();
        builder.Property(c => c.BankId).HasMaxLength(StorageLimits.ItemIdLength);
        builder.Property(c => c.Title).HasMaxLength(ChallengeLimits.TitleLength).IsRequired();
        builder.Property(c => c.Brief).HasMaxLength(ChallengeLimits.BriefLength).IsRequired();
        builder.Property(c => c.PostedBy).HasMaxLength(StorageLimits.KeyLength).IsRequired();
        builder.Property(c => c.MessageId).HasMaxLength(ChallengeLimits.MessageIdLength);
        builder.Ignore(c => c.IsOpen);
        builder.Ignore(c => c.Channel);
        builder.HasIndex(c => new { c.CommunityKey, c.ClosedAt });
        builder.HasIndex(c => new { c.CommunityKey, c.BankId });
        builder.HasIndex(c => c.DueAt);
    }
}
