namespace CoachBot.Dashboard.SignIn;

/// <summary>Who a sign-in link is for: one moderator, in one community.</summary>
public sealed record DashboardGrant(ChatPlatform Platform, string CommunityId, string UserId, string DisplayName)
{
    public string CommunityKey => new ConversationKey(Platform, CommunityId, "-").CommunityKey;

    public string UserKey => new UserIdentity(Platform, UserId, DisplayName).Key;

    public static DashboardGrant From(CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new DashboardGrant(context.Conversation.Platform, context.Conversation.CommunityId, context.User.UserId, context.User.DisplayName);
    }
}
