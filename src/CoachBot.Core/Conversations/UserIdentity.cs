namespace CoachBot.Core.Conversations;

/// <summary>A person on one platform. <see cref="UserId"/> is the platform's own id (Discord snowflake, Slack U…).</summary>
public sealed record UserIdentity(ChatPlatform Platform, string UserId, string DisplayName)
{
    /// <summary>A stable key for storage: platform plus id.</summary>
    public string Key => $"{Platform.ToString().ToLowerInvariant()}:{UserId}";

    public override string ToString() => $"{DisplayName} ({Key})";
}
