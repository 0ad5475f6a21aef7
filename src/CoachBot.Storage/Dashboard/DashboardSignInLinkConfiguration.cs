using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoachBot.Storage.Dashboard;

internal sealed class DashboardSignInLinkConfiguration : IEntityTypeConfiguration<DashboardSignInLink>
{
    public void Configure(EntityTypeBuilder<DashboardSignInLink> builder)
    {
        builder.ToTable("dashboard_sign_in_links");
        builder.HasKey(l => l.TokenHash);
        builder.Property(l => l.TokenHash).HasMaxLength(DashboardSignInLink.HashLength);
        builder.Property(l => l.CommunityKey).HasMaxLength(StorageLimits.KeyLength).IsRequired();
        builder.Property(l => l.Platform).HasMaxLength(16).IsRequired();
        builder.Property(l => l.CommunityId).HasMaxLength(StorageLimits.KeyLength).IsRequired();
        builder.Property(l => l.UserKey).HasMaxLength(StorageLimits.KeyLength).IsRequired();
        builder.Property(l => l.UserId).HasMaxLength(StorageLimits.KeyLength).IsRequired();
        builder.Property(l => l.DisplayName).HasMaxLength(DashboardSignInLink.NameLength).IsRequired();

        // The purge of expired links.
        builder.HasIndex(l => l.ExpiresAt);
    }
}
