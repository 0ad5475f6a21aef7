using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoachBot.Storage.Limits;

internal sealed class UsageCounterRecordConfiguration : IEntityTypeConfiguration<UsageCounterRecord>
{
    public const string TableName = "usage_counters";

    public void Configure(EntityTypeBuilder<UsageCounterRecord> builder)
    {
        builder.ToTable(TableName);
        builder.HasKey(c => new { c.Key, c.WindowStart });
        builder.Property(c => c.Key).HasMaxLength(StorageLimits.ConversationKeyLength).IsRequired();
        builder.HasIndex(c => c.ExpiresAt);
    }
}
