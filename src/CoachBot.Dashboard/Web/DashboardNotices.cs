using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Dashboard.Web;

/// <summary>
/// The outcome of an action, carried across its redirect (post, redirect, get: reloading the page never repeats the
/// action) in an encrypted, HttpOnly cookie that the next page reads once. Never in the address.
/// </summary>
public static class DashboardNotices
{
    public const string CookieName = DashboardSession.CookieName + ".notice";

    private const string Purpose = "CoachBot.Dashboard.Notices";

    public static void Set(HttpContext context, IReadOnlyList<(bool Ok, string Text)> notices)
    {
        ArgumentNullException.ThrowIfNull(context);
        var protector = context.RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);
        var payload = JsonSerializer.Serialize(notices.Select(n => new Notice(n.Ok, n.Text)).ToList());
        context.Response.Cookies.Append(CookieName, protector.Protect(payload), new CookieOptions
        {
            Path = "/dashboard",
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            MaxAge = TimeSpan.FromMinutes(5),
        });
    }

    /// <summary>The notices left by the previous action (removed as they are read); empty when none or unreadable.</summary>
    public static IReadOnlyList<(bool Ok, string Text)> Take(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Request.Cookies.TryGetValue(CookieName, out var value) || string.IsNullOrEmpty(value))
        {
            return [];
        }

        context.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/dashboard" });
        try
        {
            var protector = context.RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);
            return (JsonSerializer.Deserialize<List<Notice>>(protector.Unprotect(value)) ?? []).Select(n => (n.Ok, n.Text)).ToList();
        }
        catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or JsonException)
        {
            return [];
        }
    }

    private sealed record Notice(bool Ok, string Text);
}
