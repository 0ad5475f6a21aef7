namespace CoachBot.Storage.Community;

/// <summary>
/// A person as seen in one community (a Discord server, a Slack workspace, the terminal). Features key their rows by
/// <see cref="UserKey"/> (<c>platform:userId</c>) and <see cref="CommunityKey"/> (<c>platform:communityId</c>), the same
/// strings Core's <c>UserIdentity.Key</c> and <c>ConversationKey.CommunityKey</c> produce.
/// </summary>
public sealed class CommunityMember
{
    public long Id { get; set; }

    /// <summary><c>terminal</c>, <c>discord</c> or <c>slack</c>.</summary>
    public string Platform { get; set; } = "";

    public string CommunityKey { get; set; } = "";

    /// <summary>The platform's own user id (Discord snowflake, Slack U…).</summary>
    public string UserId { get; set; } = "";

    /// <summary><c>platform:userId</c>.</summary>
    public string UserKey { get; set; } = "";

    /// <summary>The last display name seen, already stripped of anything that could ping when shown.</summary>
    public string DisplayName { get; set; } = "";

    public DateTimeOffset FirstSeenAt { get; set; }

    public DateTimeOffset LastSeenAt { get; set; }
}
