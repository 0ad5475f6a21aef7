using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoachBot.Storage.Feedback;

internal sealed class AnswerRecordConfiguration : IEntityTypeConfiguration<AnswerRecord>
{
    public void Configure(EntityTypeBuilder<AnswerRecord> builder)
    {
        builder.ToTable("answer_records");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).HasMaxLength(AnswerRecord.IdLength);
        builder.Property(a => a.CommunityKey).HasMaxLength(StorageLimits.KeyLength).IsRequired();
        builder.Property(a => a.ConversationKey).HasMaxLength(StorageLimits.ConversationKeyLength).IsRequired();
        builder.Property(a => a.AskerKey).HasMaxLength(StorageLimits.KeyLength).IsRequired();
        builder.Property(a => a.Question).HasMaxLength(AnswerRecord.QuestionLength).IsRequired();
        builder.Property(a => a.Sources).HasMaxLength(AnswerRecord.SourcesLength).IsRequired();
        builder.Property(a => a.SourceGuides).HasMaxLength(AnswerRecord.GuidesLength).IsRequired();
        builder.Property(a => a.Scores).HasMaxLength(AnswerRecord.ScoresLength).IsRequired();
        builder.Property(a => a.Decision).HasConversion<string>().HasMaxLength(16).IsRequired();

        // The asker's latest answer in a conversation (terminal /feedback up|down), and the purge of old records.
        builder.HasIndex(a => new { a.AskerKey, a.ConversationKey, a.AnsweredAt });
        builder.HasIndex(a => a.AnsweredAt);

        // The dashboard's question log: one community's questions over a period.
        builder.HasIndex(a => new { a.CommunityKey, a.AnsweredAt });
    }
}
