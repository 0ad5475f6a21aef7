using System.Security.Claims;

namespace CoachBot.Dashboard.Web;

/// <summary>
/// The signed-in moderator and the one community the session may read and change, from the session cookie's claims.
/// Every page and action takes the community from here, never from the request.
/// </summary>
public sealed record DashboardSession(ChatPlatform Platform, string CommunityId, string UserId, string DisplayName)
{
    public const string Scheme = "CoachBotDashboard";

    public const string Policy = "CoachBotDashboardModerator";

    public const string CookieName = "coachbot.dashboard";

    public const string CommunityClaim = "coachbot:community";

    public const string PlatformClaim = "coachbot:platform";

    public const string CommunityIdClaim = "coachbot:community-id";

    public const string UserIdClaim = "coachbot:user-id";

    public string CommunityKey => new ConversationKey(Platform, CommunityId, "-").CommunityKey;

    public UserIdentity User => new(Platform, UserId, DisplayName);

    /// <summary>A session from the operator's <c>dashboard-link</c> (see <see cref="SignIn.DashboardGrant.OperatorUserId"/>).</summary>
    public bool IsOperator => UserId == SignIn.DashboardGrant.OperatorUserId;

    public ClaimsPrincipal ToPrincipal()
    {
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, User.Key),
                new Claim(ClaimTypes.Name, DisplayName),
                new Claim(CommunityClaim, CommunityKey),
                new Claim(PlatformClaim, Platform.ToString()),
                new Claim(CommunityIdClaim, CommunityId),
                new Claim(UserIdClaim, UserId),
            ],
            Scheme);
        return new ClaimsPrincipal(identity);
    }

    /// <summary>The session of a signed-in request; null when the claims are missing or inconsistent.</summary>
    public static DashboardSession? From(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identity?.IsAuthenticated != true
            || !Enum.TryParse<ChatPlatform>(user.FindFirstValue(PlatformClaim), out var platform)
            || user.FindFirstValue(CommunityIdClaim) is not { Length: > 0 } communityId
            || user.FindFirstValue(UserIdClaim) is not { Length: > 0 } userId)
        {
            return null;
        }

        var session = new DashboardSession(platform, communityId, userId, user.FindFirstValue(ClaimTypes.Name) ?? "moderator");
        return session.CommunityKey == user.FindFirstValue(CommunityClaim) ? session : null;
    }

    public static DashboardSession Require(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return From(context.User) ?? throw new InvalidOperationException("A dashboard page ran without a dashboard session (its route must require the dashboard policy).");
    }
}
