using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoachBot.Storage.Reminders;

internal sealed class MemberReminderSendConfiguration : IEntityTypeConfiguration<MemberReminderSend>
{
    public void Configure(EntityTypeBuilder<MemberReminderSend> builder)
    {
        builder.ToTable("member_reminder_sends");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.UserKey).HasMaxLength(StorageLimits.KeyLength).IsRequired();
        builder.Property(s => s.LocalDate).HasMaxLength(10).IsRequired();
        builder.Property(s => s.ClaimedBy).HasMaxLength(StorageLimits.KeyLength).IsRequired();
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(16).IsRequired();

        // The at-most-once-a-day guarantee: two instances racing for the same member and day cannot both insert.
        builder.HasIndex(s => new { s.UserKey, s.LocalDate }).IsUnique();
    }
}
