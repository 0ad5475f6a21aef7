using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoachBot.Storage.Community;

internal sealed class CommunityMemberConfiguration : IEntityTypeConfiguration<CommunityMember>
{
    public void Configure(EntityTypeBuilder<CommunityMember> builder)
    {
        builder.ToTable("community_members");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Platform).HasMaxLength(StorageLimits.PlatformLength).IsRequired();
        builder.Property(m => m.CommunityKey).HasMaxLength(StorageLimits.KeyLength).IsRequired();
        builder.Property(m => m.UserId).HasMaxLength(StorageLimits.KeyLength).IsRequired();
        builder.Property(m => m.UserKey).HasMaxLength(StorageLimits.KeyLength).IsRequired();
        builder.Property(m => m.DisplayName).HasMaxLength(StorageLimits.DisplayNameLength).IsRequired();
        builder.HasIndex(m => new { m.CommunityKey, m.UserKey }).IsUnique();
        builder.HasIndex(m => m.UserKey);
    }
}
