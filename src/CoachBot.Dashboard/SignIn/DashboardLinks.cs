using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace CoachBot.Dashboard.SignIn;

/// <summary>
/// Issues single-use sign-in links (a random token; only its keyed hash is stored, with the grant and a 10-minute
/// expiry) and consumes them when the "continue" page is posted.
/// </summary>
public sealed class DashboardLinks(IDashboardLinkStore store, DashboardSigningKey key, IOptions<DashboardUrlOptions> urls, TimeProvider time)
{
    public const string SignInPath = "dashboard/sign-in/";

    /// <summary>Base64url of 32 random bytes.</summary>
    public const int TokenLength = 43;

    /// <summary>A link to <see cref="DashboardUrlOptions.PublicBaseUrl"/> (or <paramref name="baseUri"/>) that signs the grant's moderator in once.</summary>
    public async Task<Uri> IssueAsync(DashboardGrant grant, CancellationToken cancellationToken, Uri? baseUri = null)
    {
        ArgumentNullException.ThrowIfNull(grant);
        var root = baseUri ?? urls.Value.BaseUri
            ?? throw new InvalidOperationException($"{DashboardUrlOptions.Key} is not set: sign-in links need the address browsers reach the bot at.");
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow();
        await store.SaveAsync(
            new DashboardSignInLink
            {
                TokenHash = await key.HashAsync(token, cancellationToken),
                CommunityKey = grant.CommunityKey,
                Platform = grant.Platform.ToString().ToLowerInvariant(),
                CommunityId = grant.CommunityId,
                UserKey = grant.UserKey,
                UserId = grant.UserId,
                DisplayName = Storage.Community.SafeDisplayName.From(grant.DisplayName),
                CreatedAt = now,
                ExpiresAt = now + DashboardOptions.LinkLifetime,
            },
            cancellationToken);
        var rootText = root.AbsoluteUri.EndsWith('/') ? root.AbsoluteUri : root.AbsoluteUri + "/";
        return new Uri(rootText + SignInPath + token);
    }

    /// <summary>The link's grant while it is usable (shown on the "continue" page); never consumes it.</summary>
    public async Task<DashboardSignInLink?> PeekAsync(string token, CancellationToken cancellationToken) =>
        IsWellFormed(token) ? await store.FindUsableAsync(await key.HashAsync(token, cancellationToken), time.GetUtcNow(), cancellationToken) : null;

    /// <summary>Consumes the link: its grant the first time within its validity, null for a used, expired or unknown link.</summary>
    public async Task<DashboardSignInLink?> ConsumeAsync(string token, CancellationToken cancellationToken) =>
        IsWellFormed(token) ? await store.TryConsumeAsync(await key.HashAsync(token, cancellationToken), time.GetUtcNow(), cancellationToken) : null;

    private static bool IsWellFormed(string? token) =>
        token is { Length: TokenLength } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
