using CoachBot.Core.Conversations;
using CoachBot.Core.Conversations.Memory;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Storage.Conversations;

/// <summary>
/// Conversation memory in the bot's database (<c>conversation_turns</c>), on both providers: it survives a restart and
/// every process on the database sees the same turns, so a follow-up answered by another process keeps its context.
/// At most <see cref="ConversationMemoryOptions.MaxTurns"/> turns per person and conversation; a conversation idle
/// longer than <see cref="ConversationMemoryOptions.IdleMinutes"/> is forgotten (and its rows deleted by
/// <see cref="ConversationMemoryPurger"/>). <see cref="ConversationMemoryOptions.MaxConversations"/> bounds only the
/// in-process memory: here the idle purge bounds the table. Memory only helps with follow-ups: when the database is
/// busy or down past its retries (<see cref="StorageFaults.IsTransient"/>), a read finds no turns and a write is
/// skipped, with a warning, so the question is still answered.
/// </summary>
public sealed partial class ConversationMemoryStore(
    IDbContextFactory<CoachBotDbContext> contexts, IOptions<ConversationMemoryOptions> options, TimeProvider time, ILogger<ConversationMemoryStore> logger)
    : IConversationMemory
{
    private TimeSpan Idle => TimeSpan.FromMinutes(options.Value.IdleMinutes);

    public async Task<IReadOnlyList<ConversationTurn>> RecentAsync(ConversationKey conversation, string userKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        try
        {
            return await ReadAsync(conversation, userKey, cancellationToken);
        }
        catch (Exception ex) when (StorageFaults.IsTransient(ex) && !cancellationToken.IsCancellationRequested)
        {
            LogUnavailable(ex, "read");
            return [];
        }
    }

    public async Task RememberAsync(ConversationKey conversation, string userKey, ConversationTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(turn);
        try
        {
            // Context for follow-ups: nobody is told it is recorded (SqliteDurability).
            using var relaxed = Sqlite.SqliteDurability.Relaxed();
            await WriteAsync(conversation, userKey, turn, cancellationToken);
        }
        catch (Exception ex) when (StorageFaults.IsTransient(ex) && !cancellationToken.IsCancellationRequested)
        {
            LogUnavailable(ex, "written");
        }
    }

    private async Task<IReadOnlyList<ConversationTurn>> ReadAsync(ConversationKey conversation, string userKey, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var since = time.GetUtcNow() - Idle;
        var turns = await LiveTurnsAsync(db, conversation.ToString(), userKey, since, cancellationToken);
        if (turns.Count == 0 && conversation.ThreadId is not null)
        {
            turns = await LiveTurnsAsync(db, conversation.Channel.ToString(), userKey, since, cancellationToken);
        }

        return turns.Select(ToTurn).ToArray();
    }

    private Task<bool> WriteAsync(ConversationKey conversation, string userKey, ConversationTurn turn, CancellationToken cancellationToken)
    {
        var key = conversation.ToString();
        return contexts.InTransactionAsync(async (db, ct) =>
        {
            var now = time.GetUtcNow();
            var since = now - Idle;
            var rows = db.Set<ConversationTurnRecord>().Where(t => t.Conversation == key && t.UserKey == userKey);
            var own = await LiveTurnsAsync(db, key, userKey, since, ct);
            if (own.Count == 0)
            {
                // Expired turns must not come back with the new one.
                await rows.ExecuteDeleteAsync(ct);
                if (conversation.ThreadId is not null)
                {
                    // A first turn inside a thread continues the channel question that opened it.
                    var parent = await LiveTurnsAsync(db, conversation.Channel.ToString(), userKey, since, ct);
                    db.AddRange(parent.Select(p => Copy(p, key)));
                }
            }

            db.Add(new ConversationTurnRecord
            {
                Conversation = key,
                UserKey = userKey,
                Question = turn.Question,
                StandaloneQuestion = turn.StandaloneQuestion,
                Answer = turn.Answer,
                At = turn.At.ToUniversalTime(),
            });
            await db.SaveChangesAsync(ct);
            await rows.ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), ct);
            var surplus = await rows.OrderByDescending(t => t.Id).Skip(options.Value.MaxTurns).Select(t => t.Id).ToListAsync(ct);
            if (surplus.Count > 0)
            {
                await db.Set<ConversationTurnRecord>().Where(t => surplus.Contains(t.Id)).ExecuteDeleteAsync(ct);
            }

            return true;
        }, cancellationToken);
    }

    public async Task ForgetAsync(ConversationKey conversation, string userKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var key = conversation.ToString();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Set<ConversationTurnRecord>().Where(t => t.Conversation == key && t.UserKey == userKey).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Deletes the conversations idle since before <paramref name="cutoff"/>; returns how many turns went.</summary>
    public async Task<int> PurgeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<ConversationTurnRecord>().Where(t => t.LastUsedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>The last turns, oldest first; none when the conversation's latest turn is older than <paramref name="since"/>.</summary>
    private async Task<List<ConversationTurnRecord>> LiveTurnsAsync(
        CoachBotDbContext db, string conversation, string userKey, DateTimeOffset since, CancellationToken ct)
    {
        var latest = await db.Set<ConversationTurnRecord>().AsNoTracking()
            .Where(t => t.Conversation == conversation && t.UserKey == userKey)
            .OrderByDescending(t => t.Id)
            .Take(options.Value.MaxTurns)
            .ToListAsync(ct);
        if (latest.Count == 0 || latest[0].LastUsedAt < since)
        {
            return [];
        }

        latest.Reverse();
        return latest;
    }

    private static ConversationTurnRecord Copy(ConversationTurnRecord turn, string conversation) => new()
    {
        Conversation = conversation,
        UserKey = turn.UserKey,
        Question = turn.Question,
        StandaloneQuestion = turn.StandaloneQuestion,
        Answer = turn.Answer,
        At = turn.At,
    };

    private static ConversationTurn ToTurn(ConversationTurnRecord record) =>
        new(record.Question, record.StandaloneQuestion, record.Answer, record.At);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Conversation memory could not be {What} (the database is busy or unreachable); answering without it")]
    private partial void LogUnavailable(Exception exception, string what);
}
