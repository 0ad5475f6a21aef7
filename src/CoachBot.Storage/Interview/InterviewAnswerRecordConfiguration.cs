using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoachBot.Storage.Interview;

internal sealed class InterviewAnswerRecordConfiguration : IEntityTypeConfiguration<InterviewAnswerRecord>
{
    public void Configure(EntityTypeBuilder<InterviewAnswerRecord> builder)
    {
        builder.ToTable("interview_answers");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.SessionId).HasMaxLength(InterviewSessionRecord.IdLength).IsRequired();
        builder.Property(a => a.QuestionId).HasMaxLength(StorageLimits.ItemIdLength).IsRequired();
        builder.Property(a => a.Outcome).HasConversion<string>().HasMaxLength(16).IsRequired();
        builder.Property(a => a.Strengths).HasMaxLength(InterviewAnswerRecord.PointsLength).IsRequired();
        builder.Property(a => a.MissingPoints).HasMaxLength(InterviewAnswerRecord.PointsLength).IsRequired();
        builder.Property(a => a.FeedbackSource).HasMaxLength(InterviewAnswerRecord.SourceLength).IsRequired();

        // A question is recorded once per interview, even if two messages race.
        builder.HasIndex(a => new { a.SessionId, a.QuestionIndex }).IsUnique();
    }
}
