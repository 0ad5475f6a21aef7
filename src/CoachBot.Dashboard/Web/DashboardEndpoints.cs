using Microsoft.Extensions.DependencyInjection;
using CoachBot.Dashboard.Pages;
using CoachBot.Dashboard.SignIn;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace CoachBot.Dashboard.Web;

/// <summary>
/// The dashboard's routes under <c>/dashboard</c>, on the public listener only (they are not operator endpoints, so a
/// management listener refuses them). Pages need the session policy; every POST is checked for its antiforgery token
/// first; every response carries a strict CSP (no scripts, no framing), no-referrer and no-store.
/// </summary>
public static class DashboardEndpoints
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; img-src 'self'; style-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static WebApplication MapCoachDashboard(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/dashboard"), branch => branch.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers.XContentTypeOptions = "nosniff";
            headers.CacheControl = "no-store";
            await next(context);
        }));
        app.UseAuthentication();
        app.UseAuthorization();

        var open = app.MapGroup("/dashboard").AllowAnonymous();
        open.MapGet("/style.css", () => Results.Text(DashboardLayout.Style, "text/css; charset=utf-8"));
        open.MapGet("/sign-in/{token}", SignInEndpoints.ContinuePageAsync);
        open.MapPost("/sign-in", SignInEndpoints.SignInAsync).AddEndpointFilter(ValidateAntiforgeryAsync);

        var pages = app.MapGroup("/dashboard").RequireAuthorization(DashboardSession.Policy);
        pages.MapGet("/", OverviewPage.GetAsync);
        pages.MapGet("/charts/questions.png", OverviewPage.ChartAsync);
        pages.MapGet("/gaps", GapsPage.GetAsync);
        pages.MapGet("/challenges", ChallengesPage.GetAsync);
        pages.MapGet("/members", MembersPage.GetAsync);
        pages.MapGet("/members/{id:long}", MembersPage.MemberAsync);
        pages.MapGet("/audit", AuditPage.GetAsync);
        pages.MapGet("/export/{table}.csv", CsvExport.GetAsync);

        var actions = app.MapGroup("/dashboard").RequireAuthorization(DashboardSession.Policy).AddEndpointFilter(ValidateAntiforgeryAsync);
        actions.MapPost("/sign-out", (Delegate)SignInEndpoints.SignOutAsync);
        actions.MapPost("/challenges/post", (HttpContext c, ChallengeActions a, IAntiforgery f) => a.PostAsync(c, f));
        actions.MapPost("/challenges/close", (HttpContext c, ChallengeActions a, IAntiforgery f) => a.CloseAsync(c, f));
        actions.MapPost("/challenges/winners", (HttpContext c, ChallengeActions a, IAntiforgery f) => a.WinnersAsync(c, f));
        actions.MapPost("/challenges/schedule", (HttpContext c, ChallengeActions a, IAntiforgery f) => a.ScheduleAsync(c, f));
        return app;
    }

    /// <summary>A form without the session's antiforgery token (a forged cross-site post) is refused with 400 before it runs.</summary>
    private static async ValueTask<object?> ValidateAntiforgeryAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Results.Content(
                "<!doctype html><p>This form has expired or did not come from the dashboard. Reload the page and try again.</p>",
                "text/html; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
        }

        return await next(invocation);
    }
}
