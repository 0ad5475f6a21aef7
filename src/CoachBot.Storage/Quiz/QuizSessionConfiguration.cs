using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoachBot.Storage.Quiz;

internal sealed class QuizSessionConfiguration : IEntityTypeConfiguration<QuizSession>
{
    public void Configure(EntityTypeBuilder<QuizSession> builder)
    {
        builder.ToTable("quiz_sessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasMaxLength(QuizSession.IdLength);
        builder.Property(s => s.CommunityKey).HasMaxLength(StorageLimits.KeyLength).IsRequired();
        builder.Property(s => s.ConversationKey).HasMaxLength(StorageLimits.ConversationKeyLength).IsRequired();
        builder.Property(s => s.UserKey).HasMaxLength(StorageLimits.KeyLength).IsRequired();
        builder.Property(s => s.Skill).HasMaxLength(StorageLimits.ItemIdLength).IsRequired();
        builder.Property(s => s.Difficulty).HasMaxLength(16);
        builder.Property(s => s.QuestionIds).HasMaxLength(4000).IsRequired();
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(16).IsRequired();
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasMany(s => s.Answers).WithOne().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Cascade);

        // One active quiz per person per conversation, enforced by the database (both providers support partial indexes).
        builder.HasIndex(s => new { s.UserKey, s.ConversationKey })
            .IsUnique()
            .HasFilter("\"Status\" = 'Active'")
            .HasDatabaseName("IX_quiz_sessions_one_active");
        builder.HasIndex(s => new { s.Status, s.LastActivityAt });
        builder.HasIndex(s => new { s.CommunityKey, s.EndedAt });
        builder.HasIndex(s => s.UserKey);
    }
}
