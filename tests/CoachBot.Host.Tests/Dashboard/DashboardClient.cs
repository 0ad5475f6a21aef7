using CoachBot.Dashboard.SignIn;
using CoachBot.Core.Conversations;

namespace CoachBot.Host.Tests.Dashboard;

/// <summary>A browser-like HTTP client for the dashboard: its own cookie jar, no redirects followed, forms with their antiforgery token.</summary>
public sealed partial class DashboardClient : IDisposable
{
    private readonly HttpClient _http;

    public DashboardClient(Uri baseAddress)
    {
        Cookies = new CookieContainer();
        _http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
    }

    public CookieContainer Cookies { get; }

    /// <summary>Issues a link for the grant through the host's own service (as /dashboard does) and signs in with it.</summary>
    public static async Task<DashboardClient> SignedInAsync(RealHost host, DashboardGrant grant)
    {
        var client = new DashboardClient(host.BaseAddress!);
        var link = await IssueAsync(host, grant);
        using var response = await client.SignInAsync(link);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public static Task<Uri> IssueAsync(RealHost host, DashboardGrant grant) =>
        host.Services.GetRequiredService<DashboardLinks>().IssueAsync(grant, CancellationToken.None, host.BaseAddress);

    public static DashboardGrant Grant(string community, string user = "mod-1") => new(ChatPlatform.Discord, community, user, "Mod " + user);

    /// <summary>Opens the link (the "continue" page) and posts its form.</summary>
    public async Task<HttpResponseMessage> SignInAsync(Uri link)
    {
        var page = await GetTextAsync(link.PathAndQuery);
        return await PostFormAsync("/dashboard/sign-in", page, ("token", link.Segments[^1]));
    }

    public Task<HttpResponseMessage> GetAsync(string path) => _http.GetAsync(new Uri(path, UriKind.Relative));

    public async Task<string> GetTextAsync(string path)
    {
        using var response = await GetAsync(path);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Posts a form with the antiforgery token found in <paramref name="pageWithForm"/>.</summary>
    public Task<HttpResponseMessage> PostFormAsync(string path, string pageWithForm, params (string Name, string Value)[] fields) =>
        PostAsync(path, [("__csrf", Token(pageWithForm)), .. fields]);

    /// <summary>Posts exactly these fields (no antiforgery token unless given).</summary>
    public Task<HttpResponseMessage> PostAsync(string path, params (string Name, string Value)[] fields) =>
        _http.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))));

    public static string Token(string page)
    {
        var match = TokenPattern().Match(page);
        Assert.True(match.Success, "the page has no antiforgery field");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("name=\"__csrf\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
