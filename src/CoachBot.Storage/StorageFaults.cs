using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;

namespace CoachBot.Storage;

/// <summary>
/// Tells a passing database fault from a real error, for both providers: SQLite busy or locked past
/// <c>Storage:BusyTimeoutMilliseconds</c>, and PostgreSQL connections dropped or refused (a restart, a failover) after
/// the execution strategy's retries ran out. Such a failure is worth trying again later: callers say so plainly
/// rather than report a generic error, and rely on the operation being idempotent (a quiz click counts once), since
/// a connection lost during a commit leaves it unknown whether the commit landed.
/// </summary>
public static class StorageFaults
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    public static bool IsTransient(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case RetryLimitExceededException:
                case TimeoutException:
                case SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked }:
                case DbException { IsTransient: true }:
                    return true;
            }
        }

        return false;
    }
}
