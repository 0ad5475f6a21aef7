namespace CoachBot.Storage.MemberData;

/// <summary>
/// The only trace a <c>/mydata delete</c> leaves: that a member of a platform had their data deleted, when, and how
/// many rows went. Deliberately no user id and no hash of one: platform ids are short and enumerable (a hash of a
/// Discord snowflake or a Slack member id is reversed by trying ids), so a hash would still identify the member.
/// </summary>
public sealed class MemberDataDeletion
{
    public long Id { get; set; }

    /// <summary><c>terminal</c>, <c>discord</c> or <c>slack</c>.</summary>
    public string Platform { get; set; } = "";

    public DateTimeOffset DeletedAt { get; set; }

    /// <summary>Rows removed or anonymised, all tables together.</summary>
    public int RowsAffected { get; set; }
}
