using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoachBot.Storage.Quiz;

internal sealed class QuizAnswerConfiguration : IEntityTypeConfiguration<QuizAnswer>
{
    public void Configure(EntityTypeBuilder<QuizAnswer> builder)
    {
        builder.ToTable("quiz_answers");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.SessionId).HasMaxLength(QuizSession.IdLength).IsRequired();
        builder.Property(a => a.QuestionId).HasMaxLength(StorageLimits.ItemIdLength).IsRequired();
        builder.Property(a => a.Skill).HasMaxLength(StorageLimits.ItemIdLength).IsRequired();
        builder.Property(a => a.Reference).HasMaxLength(StorageLimits.ReferenceLength).IsRequired();
        builder.Property(a => a.UserKey).HasMaxLength(StorageLimits.KeyLength).IsRequired();
        builder.Property(a => a.CommunityKey).HasMaxLength(StorageLimits.KeyLength).IsRequired();

        // The idempotency key of a click: one answer per question of a session.
        builder.HasIndex(a => new { a.SessionId, a.QuestionIndex }).IsUnique();
        builder.HasIndex(a => new { a.UserKey, a.Skill });
        builder.HasIndex(a => new { a.CommunityKey, a.AnsweredAt });
    }
}
