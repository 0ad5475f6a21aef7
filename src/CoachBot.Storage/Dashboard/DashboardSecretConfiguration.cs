using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoachBot.Storage.Dashboard;

internal sealed class DashboardSecretConfiguration : IEntityTypeConfiguration<DashboardSecret>
{
    public void Configure(EntityTypeBuilder<DashboardSecret> builder)
    {
        builder.ToTable("dashboard_secrets");
        builder.HasKey(s => s.Name);
        builder.Property(s => s.Name).HasMaxLength(DashboardSecret.NameLength);
        builder.Property(s => s.Value).HasMaxLength(DashboardSecret.ValueLength).IsRequired();
    }
}
