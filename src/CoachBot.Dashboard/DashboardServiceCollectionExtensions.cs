using CoachBot.Coaching.Competency;
using CoachBot.Core.Dispatch;
using CoachBot.Core.Outbound;
using CoachBot.Dashboard.Pages;
using CoachBot.Dashboard.SignIn;
using CoachBot.Dashboard.Web;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CoachBot.Dashboard;

public static class DashboardServiceCollectionExtensions
{
    /// <summary>
    /// <c>/dashboard</c> and the sign-in links behind it (sections "Dashboard" and Http:PublicBaseUrl, validated at
    /// start-up), the dashboard's stores and the services its pages use. Needs AddCoachCore(), AddCoachStorage(),
    /// AddKnowledge() and AddChallengesFeature(). The web side is <see cref="AddDashboardWeb"/>.
    /// </summary>
    public static IServiceCollection AddDashboardFeature(this IServiceCollection services)
    {
        services.AddOptions<DashboardOptions>()
            .BindConfiguration(DashboardOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<DashboardUrlOptions>()
            .BindConfiguration(DashboardUrlOptions.SectionName)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DashboardUrlOptions>, DashboardUrlOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddDashboardStores();
        services.TryAddSingleton<DashboardSigningKey>();
        services.TryAddSingleton<DashboardLinks>();
        services.TryAddSingleton<ModeratorDirectories>();
        services.TryAddSingleton<DashboardModeratorCheck>();
        services.AddCompetencyMap();
        services.TryAddSingleton<KnowledgeGaps>();
        services.TryAddSingleton<ChallengeActions>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICommandHandler, DashboardCommand>());
        return services;
    }

    /// <summary>
    /// The dashboard's web side: its cookie session (HttpOnly, Secure over https, SameSite=Lax, 8 hours, never sliding),
    /// antiforgery for every form, and the authorization policy its pages require.
    /// </summary>
    public static IServiceCollection AddDashboardWeb(this IServiceCollection services)
    {
        services.AddDataProtection();
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = DashboardSession.CookieName + ".af";
            options.Cookie.Path = "/dashboard";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.FormFieldName = "__csrf";
            options.SuppressXFrameOptionsHeader = false;
        });
        services.AddAuthentication()
            .AddCookie(DashboardSession.Scheme, options =>
            {
                options.Cookie.Name = DashboardSession.CookieName;
                options.Cookie.Path = "/dashboard";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = DashboardOptions.SessionLifetime;
                options.SlidingExpiration = false;
                options.Events = new CookieAuthenticationEvents
                {
                    OnRedirectToLogin = context => SignInEndpoints.WriteSignInExplanationAsync(context.HttpContext, StatusCodes.Status401Unauthorized),
                    OnRedirectToAccessDenied = context => SignInEndpoints.WriteSignInExplanationAsync(context.HttpContext, StatusCodes.Status403Forbidden),
                };
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(DashboardSession.Policy, policy => policy
                .AddAuthenticationSchemes(DashboardSession.Scheme)
                .RequireAuthenticatedUser()
                .RequireAssertion(context => DashboardSession.From(context.User) is not null));
        return services;
    }
}
