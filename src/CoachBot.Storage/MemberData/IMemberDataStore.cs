using CoachBot.Core.Conversations;

namespace CoachBot.Storage.MemberData;

/// <summary>Everything the database keeps about one member: out as an export, or gone in one transaction.</summary>
public interface IMemberDataStore
{
    /// <summary>Every row the member owns, the rows that depend on them, shared rows naming them, and their inbox deliveries.</summary>
    Task<MemberDataExport> ExportAsync(UserIdentity member, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes all of it in one transaction (actor columns on shared rows are anonymised instead) and records a
    /// <see cref="MemberDataDeletion"/> without any member id. Returns the rows affected.
    /// </summary>
    Task<int> DeleteAsync(UserIdentity member, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>How many deletions were recorded (operations and tests).</summary>
    Task<int> DeletionCountAsync(CancellationToken cancellationToken);
}
