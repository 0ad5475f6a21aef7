using CoachBot.Knowledge.Semantic;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoachBot.Storage.PassageVectors;

internal sealed class PassageVectorRecordConfiguration : IEntityTypeConfiguration<PassageVectorRecord>
{
    public const int ModelIdLength = 200;

    public void Configure(EntityTypeBuilder<PassageVectorRecord> builder)
    {
        builder.ToTable("passage_vectors");
        builder.HasKey(v => new { v.ModelId, v.TextHash });
        builder.Property(v => v.ModelId).HasMaxLength(ModelIdLength).IsRequired();
        builder.Property(v => v.TextHash).HasMaxLength(TextHash.Length).IsRequired();
        builder.Property(v => v.Vector).IsRequired();
    }
}
