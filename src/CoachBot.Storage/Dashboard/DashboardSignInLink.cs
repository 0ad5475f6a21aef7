namespace CoachBot.Storage.Dashboard;

/// <summary>
/// A single-use sign-in link to the moderators' dashboard, issued by <c>/dashboard</c> or <c>dashboard-link</c>. Only the
/// keyed hash of the link's token is stored, never the token itself; the POST of the "continue" page consumes it once.
/// </summary>
public sealed class DashboardSignInLink
{
    /// <summary>Lowercase hex of an HMAC-SHA256.</summary>
    public const int HashLength = 64;

    public const int NameLength = 100;

    public string TokenHash { get; set; } = "";

    /// <summary>The community the session will be limited to (<c>platform:communityId</c>).</summary>
    public string CommunityKey { get; set; } = "";

    public string Platform { get; set; } = "";

    public string CommunityId { get; set; } = "";

    /// <summary>The moderator the link was issued to (a <c>UserIdentity.Key</c>).</summary>
    public string UserKey { get; set; } = "";

    public string UserId { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>Set when the link was used to sign in; a consumed link never signs anyone in again.</summary>
    public DateTimeOffset? ConsumedAt { get; set; }
}
