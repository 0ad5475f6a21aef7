using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoachBot.Storage.Feedback;

internal sealed class AnswerVoteConfiguration : IEntityTypeConfiguration<AnswerVote>
{
    public void Configure(EntityTypeBuilder<AnswerVote> builder)
    {
        builder.ToTable("answer_votes");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.AnswerId).HasMaxLength(AnswerRecord.IdLength).IsRequired();
        builder.Property(v => v.CommunityKey).HasMaxLength(StorageLimits.KeyLength).IsRequired();
        builder.Property(v => v.VoterKey).HasMaxLength(StorageLimits.KeyLength).IsRequired();
        builder.Property(v => v.Vote).HasConversion<string>().HasMaxLength(8).IsRequired();
        builder.Property(v => v.Comment).HasMaxLength(AnswerVote.CommentLength);
        builder.HasOne<AnswerRecord>().WithMany().HasForeignKey(v => v.AnswerId).OnDelete(DeleteBehavior.Cascade);

        // One vote per member per answer, even when two clicks race.
        builder.HasIndex(v => new { v.AnswerId, v.VoterKey }).IsUnique();
        builder.HasIndex(v => new { v.CommunityKey, v.Vote, v.VotedAt });
    }
}
