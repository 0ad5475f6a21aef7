using CoachBot.Core.Inbound;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CoachBot.Storage.Inbound;

internal sealed class InboundDeliveryRecordConfiguration : IEntityTypeConfiguration<InboundDeliveryRecord>
{
    public const string TableName = "inbound_deliveries";

    // Times are stored as Unix milliseconds: ordered and comparable on both providers (SQLite has no DateTimeOffset
    // type) and written as plain numbers by the group-commit writer's SQL.
    private static readonly ValueConverter<DateTimeOffset, long> UnixMilliseconds = new(
        v => v.ToUnixTimeMilliseconds(), v => DateTimeOffset.FromUnixTimeMilliseconds(v));

    private static readonly ValueConverter<DateTimeOffset?, long?> NullableUnixMilliseconds = new(
        v => v.HasValue ? v.Value.ToUnixTimeMilliseconds() : null, v => v.HasValue ? DateTimeOffset.FromUnixTimeMilliseconds(v.Value) : null);

    public void Configure(EntityTypeBuilder<InboundDeliveryRecord> builder)
    {
        builder.ToTable(TableName);
        builder.HasKey(d => new { d.Platform, d.DeliveryKey });
        builder.Property(d => d.Platform).HasMaxLength(InboundLimits.PlatformLength).IsRequired();
        builder.Property(d => d.DeliveryKey).HasMaxLength(InboundLimits.DeliveryKeyLength).IsRequired();
        builder.Property(d => d.Kind).HasMaxLength(InboundLimits.KindLength).IsRequired();
        builder.Property(d => d.Payload).IsRequired();
        builder.Property(d => d.ReceivedAt).HasConversion(UnixMilliseconds);
        builder.Property(d => d.UsefulUntil).HasConversion(UnixMilliseconds);
        builder.Property(d => d.CompletedAt).HasConversion(NullableUnixMilliseconds);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.ClaimedBy).HasMaxLength(InboundLimits.ClaimantLength);
        builder.Property(d => d.LeaseUntil).HasConversion(NullableUnixMilliseconds);
        builder.HasIndex(d => new { d.Platform, d.Status });
        builder.HasIndex(d => d.UsefulUntil);
    }
}
