using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoachBot.Storage.MemberData;

internal sealed class MemberDataDeletionConfiguration : IEntityTypeConfiguration<MemberDataDeletion>
{
    public void Configure(EntityTypeBuilder<MemberDataDeletion> builder)
    {
        builder.ToTable("member_data_deletions");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Platform).HasMaxLength(StorageLimits.PlatformLength).IsRequired();
        builder.HasIndex(d => d.DeletedAt);
    }
}
