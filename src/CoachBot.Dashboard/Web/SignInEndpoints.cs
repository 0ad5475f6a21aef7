using CoachBot.Dashboard.SignIn;
using CoachBot.Storage.Challenges;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;

namespace CoachBot.Dashboard.Web;

/// <summary>
/// The link's "continue" page (GET: shows who and which community, consumes nothing, so link previews and scanners
/// don't burn it), its POST (consumes the link once and starts the session), sign-out, and the page shown to a
/// request without a session.
/// </summary>
public static class SignInEndpoints
{
    public const string Refused = "This sign-in link has been used already, has expired, or is not a link the bot issued. "
        + "Ask for a new one with /dashboard in your community (links work once, for 10 minutes).";

    public static async Task<IResult> ContinuePageAsync(HttpContext context, string token, DashboardLinks links, IAntiforgery antiforgery)
    {
        ArgumentNullException.ThrowIfNull(context);
        var link = await links.PeekAsync(token, context.RequestAborted);
        if (link is null)
        {
            return DashboardLayout.Page(context, null, "Sign-in link not valid", new Html().Element("p", Refused).ToString(), StatusCodes.Status410Gone);
        }

        var tokens = antiforgery.GetAndStoreTokens(context);
        var body = new Html()
            .Raw("<p>Sign in to the dashboard of ").Element("strong", link.CommunityKey).Raw(" as ").Element("strong", link.DisplayName).Raw("?</p>")
            .Raw("<form method=\"post\" action=\"/dashboard/sign-in\">").Raw(Html.Antiforgery(tokens))
            .Raw("<input type=\"hidden\" name=\"token\" value=\"").Text(token).Raw("\">")
            .Raw("<button type=\"submit\">Continue</button></form>")
            .Element("p", "The link works once: continuing uses it up and starts a session of 8 hours in this browser.", "muted");
        return DashboardLayout.Page(context, null, "Continue to the dashboard", body.ToString());
    }

    public static async Task<IResult> SignInAsync(HttpContext context, DashboardLinks links, IModeratorAuditLog audit, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(context);
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var link = await links.ConsumeAsync(form["token"].ToString(), context.RequestAborted);
        if (link is null || !Enum.TryParse<ChatPlatform>(link.Platform, ignoreCase: true, out var platform))
        {
            return DashboardLayout.Page(context, null, "Sign-in link not valid", new Html().Element("p", Refused).ToString(), StatusCodes.Status410Gone);
        }

        var session = new DashboardSession(platform, link.CommunityId, link.UserId, link.DisplayName);
        await context.SignInAsync(DashboardSession.Scheme, session.ToPrincipal(), new AuthenticationProperties
        {
            IsPersistent = false,
            ExpiresUtc = time.GetUtcNow() + DashboardOptions.SessionLifetime,
            AllowRefresh = false,
        });
        await audit.RecordAsync(
            new ModeratorAuditEntry
            {
                CommunityKey = session.CommunityKey,
                ActorKey = session.User.Key,
                ActorName = link.DisplayName,
                Action = "dashboard.sign-in",
                Details = "session of 8 hours started from a sign-in link",
                At = time.GetUtcNow(),
            },
            context.RequestAborted);
        return Results.Redirect("/dashboard", permanent: false, preserveMethod: false);
    }

    public static async Task<IResult> SignOutAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        await context.SignOutAsync(DashboardSession.Scheme);
        return DashboardLayout.Page(context, null, "Signed out", new Html().Element("p", "You are signed out. Use /dashboard in your community to sign in again.").ToString());
    }

    /// <summary>What a request without a session gets instead of data (401).</summary>
    public static Task WriteSignInExplanationAsync(HttpContext context, int status)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        var text = status == StatusCodes.Status401Unauthorized
            ? "You are not signed in. Moderators sign in with a link from the /dashboard command in their community."
            : "This session may not do that.";
        return context.Response.WriteAsync(
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>CoachBot dashboard</title></head><body><h1>CoachBot dashboard</h1><p>"
            + Html.Encode(text) + "</p></body></html>");
    }
}
