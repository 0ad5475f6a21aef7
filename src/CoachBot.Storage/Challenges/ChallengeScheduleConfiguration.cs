using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoachBot.Storage.Challenges;

internal sealed class ChallengeScheduleConfiguration : IEntityTypeConfiguration<ChallengeSchedule>
{
    public void Configure(EntityTypeBuilder<ChallengeSchedule> builder)
    {
        builder.ToTable("challenge_schedules");
        builder.HasKey(s => s.CommunityKey);
        builder.Property(s => s.CommunityKey).HasMaxLength(StorageLimits.KeyLength);
        builder.Property(s => s.Platform).HasConversion<string>().HasMaxLength(StorageLimits.PlatformLength).IsRequired();
        builder.Property(s => s.CommunityId).HasMaxLength(StorageLimits.KeyLength).IsRequired();
        builder.Property(s => s.ChannelId).HasMaxLength(StorageLimits.KeyLength).IsRequired();
        builder.Property(s => s.Day).HasConversion<string>().HasMaxLength(12).IsRequired();
        builder.Property(s => s.TimeZoneId).HasMaxLength(ChallengeLimits.TimeZoneLength).IsRequired();
        builder.Property(s => s.UpdatedBy).HasMaxLength(StorageLimits.KeyLength).IsRequired();
        builder.Ignore(s => s.Channel);
        builder.HasIndex(s => s.Enabled);
    }
}
