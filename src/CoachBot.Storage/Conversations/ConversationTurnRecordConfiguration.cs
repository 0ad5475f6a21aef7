using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoachBot.Storage.Conversations;

internal sealed class ConversationTurnRecordConfiguration : IEntityTypeConfiguration<ConversationTurnRecord>
{
    public void Configure(EntityTypeBuilder<ConversationTurnRecord> builder)
    {
        builder.ToTable("conversation_turns");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Conversation).HasMaxLength(StorageLimits.ConversationKeyLength).IsRequired();
        builder.Property(t => t.UserKey).HasMaxLength(StorageLimits.KeyLength).IsRequired();
        builder.Property(t => t.Question).IsRequired();
        builder.Property(t => t.StandaloneQuestion).IsRequired();
        builder.Property(t => t.Answer).IsRequired();
        builder.HasIndex(t => new { t.Conversation, t.UserKey, t.Id });
        builder.HasIndex(t => t.LastUsedAt);
    }
}
