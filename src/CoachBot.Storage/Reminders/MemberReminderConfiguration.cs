using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoachBot.Storage.Reminders;

internal sealed class MemberReminderConfiguration : IEntityTypeConfiguration<MemberReminder>
{
    public void Configure(EntityTypeBuilder<MemberReminder> builder)
    {
        builder.ToTable("member_reminders");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.UserKey).HasMaxLength(StorageLimits.KeyLength).IsRequired();
        builder.Property(r => r.Platform).HasMaxLength(StorageLimits.PlatformLength).IsRequired();
        builder.Property(r => r.UserId).HasMaxLength(StorageLimits.KeyLength).IsRequired();
        builder.Property(r => r.Day).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.TimeZoneId).HasMaxLength(64).IsRequired();
        builder.Property(r => r.StoppedReason).HasMaxLength(16);
        builder.HasIndex(r => r.UserKey).IsUnique();
        builder.HasIndex(r => r.Enabled);
    }
}
