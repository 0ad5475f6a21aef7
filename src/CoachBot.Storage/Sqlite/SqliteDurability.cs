namespace CoachBot.Storage.Sqlite;

/// <summary>
/// Marks writes nobody was told are recorded: conversation memory, the question log and an answer's feedback record,
/// a member's "last seen". On SQLite, transactions begun inside <see cref="Relaxed"/> commit with
/// <c>synchronous=NORMAL</c> (the WAL is not fsynced for them; the next fully synced commit or checkpoint takes them to
/// disk): they survive the process crashing, and only an operating-system crash or power loss in the moment after can
/// lose them. Everything else keeps the configured level (<c>FULL</c> by default: a quiz answer or a submission is on
/// disk before the reply says so). An fsync costs about 4.7 ms on this machine's disk, and every write waits in one
/// line for SQLite's write lock, so three such writes per <c>/ask</c> made the line, not the cores, set a burst's pace.
/// No effect on PostgreSQL, or when <c>Storage:SqliteSynchronous</c> is already <c>Normal</c>.
/// </summary>
public static class SqliteDurability
{
    private static readonly AsyncLocal<bool> RelaxedFlow = new();

    /// <summary>True inside a <see cref="Relaxed"/> scope of this flow.</summary>
    public static bool IsRelaxed => RelaxedFlow.Value;

    /// <summary>Write transactions begun in this flow, until the result is disposed, commit without an fsync.</summary>
    public static IDisposable Relaxed()
    {
        var previous = RelaxedFlow.Value;
        RelaxedFlow.Value = true;
        return new Restore(previous);
    }

    private sealed class Restore(bool previous) : IDisposable
    {
        public void Dispose() => RelaxedFlow.Value = previous;
    }
}
