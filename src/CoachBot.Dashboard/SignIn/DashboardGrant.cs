namespace CoachBot.Dashboard.SignIn;

/// <summary>Who a sign-in link is for: one moderator, in one community.</summary>
public sealed record DashboardGrant(ChatPlatform Platform, string CommunityId, string UserId, string DisplayName)
{
    /// <summary>
    /// The user id of the links the operator prints with <c>dashboard-link</c> (shell access to the bot's configuration).
    /// No platform issues it (Discord ids are digits, Slack's start with U or W, the terminal's is "local-user"), and
    /// <c>/dashboard</c> never issues a link for it from chat; the session is signed with the dashboard's cookie key.
    /// </summary>
    public const string OperatorUserId = "operator";

    public static DashboardGrant ForOperator(ChatPlatform platform, string communityId) => new(platform, communityId, OperatorUserId, "operator");

    public bool IsOperator => UserId == OperatorUserId;
    public string CommunityKey => new ConversationKey(Platform, CommunityId, "-").CommunityKey;

    public string UserKey => new UserIdentity(Platform, UserId, DisplayName).Key;

    public static DashboardGrant From(CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new DashboardGrant(context.Conversation.Platform, context.Conversation.CommunityId, context.User.UserId, context.User.DisplayName);
    }
}
