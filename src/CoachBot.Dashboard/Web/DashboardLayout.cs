using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Antiforgery;

namespace CoachBot.Dashboard.Web;

/// <summary>The page around every dashboard view: navigation, the signed-in moderator, sign-out.</summary>
public static class DashboardLayout
{
    public static readonly IReadOnlyList<(string Path, string Title)> Pages =
    [
        ("/dashboard", "Overview"),
        ("/dashboard/gaps", "Knowledge gaps"),
        ("/dashboard/challenges", "Challenges"),
        ("/dashboard/members", "Members"),
        ("/dashboard/audit", "Audit log"),
    ];

    public static IResult Page(HttpContext context, DashboardSession? session, string title, string body, int status = StatusCodes.Status200OK)
    {
        ArgumentNullException.ThrowIfNull(context);
        var html = new Html().Raw("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Raw("<title>").Text(title).Raw(" · CoachBot dashboard</title>")
            .Raw("<link rel=\"stylesheet\" href=\"/dashboard/style.css\"></head><body><header><strong>CoachBot</strong> dashboard");
        if (session is not null)
        {
            var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
            html.Raw(" <span class=\"muted\">").Text(session.CommunityKey).Raw("</span><nav>");
            foreach (var (path, name) in Pages)
            {
                var current = string.Equals(name, title, StringComparison.Ordinal) ? " aria-current=\"page\"" : string.Empty;
                html.Raw($"<a href=\"{path}\"{current}>").Text(name).Raw("</a>");
            }

            html.Raw("</nav><form method=\"post\" action=\"/dashboard/sign-out\" class=\"signout\">").Raw(Html.Antiforgery(tokens))
                .Text(session.DisplayName).Raw(" <button type=\"submit\">Sign out</button></form>");
        }

        html.Raw("</header><main><h1>").Text(title).Raw("</h1>").Raw(body).Raw("</main></body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8", statusCode: status);
    }

    public const string Style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1d3557;background:#f8f9fa}
        header{display:flex;flex-wrap:wrap;gap:1rem;align-items:center;padding:.75rem 1.5rem;background:#1d3557;color:#fff}
        header a{color:#fff;margin-right:1rem;text-decoration:none}header a[aria-current]{text-decoration:underline}
        header .muted{color:#cfd8e3}.signout{margin-left:auto}
        main{padding:1rem 1.5rem;max-width:72rem}h1{margin-top:.5rem}
        table{border-collapse:collapse;width:100%;background:#fff;margin:.5rem 0 1.5rem}
        th,td{border:1px solid #dee2e6;padding:.35rem .5rem;text-align:left;vertical-align:top}th{background:#e9ecef}
        .muted{color:#6c757d}.cards{display:flex;flex-wrap:wrap;gap:.75rem;margin-bottom:1rem}
        .card{background:#fff;border:1px solid #dee2e6;border-radius:6px;padding:.75rem 1rem;min-width:9rem}
        .card b{display:block;font-size:1.5rem}.notice{background:#e7f5ef;border:1px solid #2a9d8f;padding:.5rem 1rem;border-radius:6px}
        .problem{background:#fdecea;border:1px solid #e63946;padding:.5rem 1rem;border-radius:6px}
        form.inline{display:inline}fieldset{background:#fff;border:1px solid #dee2e6;border-radius:6px;margin:0 0 1rem}
        label{display:block;margin:.25rem 0}input[type=text],textarea,select{width:100%;max-width:40rem;box-sizing:border-box}
        img.chart{max-width:100%;border:1px solid #dee2e6;background:#fff}
        """;
}
