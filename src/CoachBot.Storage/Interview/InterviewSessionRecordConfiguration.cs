using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoachBot.Storage.Interview;

internal sealed class InterviewSessionRecordConfiguration : IEntityTypeConfiguration<InterviewSessionRecord>
{
    public void Configure(EntityTypeBuilder<InterviewSessionRecord> builder)
    {
        builder.ToTable("interview_sessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasMaxLength(InterviewSessionRecord.IdLength);
        builder.Property(s => s.CommunityKey).HasMaxLength(StorageLimits.KeyLength).IsRequired();
        builder.Property(s => s.ChannelKey).HasMaxLength(StorageLimits.ConversationKeyLength).IsRequired();
        builder.Property(s => s.ThreadId).HasMaxLength(StorageLimits.KeyLength).IsRequired();
        builder.Property(s => s.UserKey).HasMaxLength(StorageLimits.KeyLength).IsRequired();
        builder.Property(s => s.Level).HasMaxLength(InterviewSessionRecord.LevelLength).IsRequired();
        builder.Property(s => s.Track).HasMaxLength(InterviewSessionRecord.TrackLength).IsRequired();
        builder.Property(s => s.QuestionIds).HasMaxLength(InterviewSessionRecord.QuestionIdsLength).IsRequired();
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(16).IsRequired();
        builder.Property(s => s.LevelEstimate).HasMaxLength(InterviewSessionRecord.LevelLength);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasMany(s => s.Answers).WithOne().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Cascade);

        // One active interview per person per conversation (channel + thread), enforced by the database.
        builder.HasIndex(s => new { s.UserKey, s.ChannelKey, s.ThreadId })
            .IsUnique()
            .HasFilter("\"Status\" = 'Active'")
            .HasDatabaseName("IX_interview_sessions_one_active");
        builder.HasIndex(s => new { s.Status, s.LastActivityAt });
        builder.HasIndex(s => new { s.UserKey, s.EndedAt });
        builder.HasIndex(s => new { s.CommunityKey, s.EndedAt });
    }
}
