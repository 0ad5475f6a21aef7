using Microsoft.Extensions.Options;

namespace CoachBot.Dashboard;

/// <summary>
/// Http:PublicBaseUrl: the address members' browsers reach the bot's public listener at (usually the operator's reverse
/// proxy, https). Sign-in links point there. Unset, /dashboard explains that the operator has to set it.
/// </summary>
public sealed class DashboardUrlOptions
{
    public const string SectionName = "Http";

    public const string Key = SectionName + ":" + nameof(PublicBaseUrl);

    public string? PublicBaseUrl { get; set; }

    /// <summary>The base address without a trailing slash, or null when unset.</summary>
    public Uri? BaseUri => string.IsNullOrWhiteSpace(PublicBaseUrl) ? null : new Uri(PublicBaseUrl.TrimEnd('/') + "/");
}

/// <summary>An absolute http(s) address with no query or fragment, or nothing.</summary>
public sealed class DashboardUrlOptionsValidator : IValidateOptions<DashboardUrlOptions>
{
    public ValidateOptionsResult Validate(string? name, DashboardUrlOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.PublicBaseUrl))
        {
            return ValidateOptionsResult.Success;
        }

        return Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && uri.Query.Length == 0 && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{DashboardUrlOptions.Key} must be an absolute http:// or https:// address without query or credentials, e.g. https://coach.example.org.");
    }
}
