namespace CoachBot.Storage.Challenges;

/// <summary>The moderator audit table: every moderator action, and refused attempts, with who, what, when and where.</summary>
public interface IModeratorAuditLog
{
    Task RecordAsync(ModeratorAuditEntry entry, CancellationToken cancellationToken);

    /// <summary>The community's latest entries, newest first.</summary>
    Task<IReadOnlyList<ModeratorAuditEntry>> ListAsync(string communityKey, int take, CancellationToken cancellationToken);
}
