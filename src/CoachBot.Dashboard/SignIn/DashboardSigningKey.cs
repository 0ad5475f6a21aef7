using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace CoachBot.Dashboard.SignIn;

/// <summary>
/// The key sign-in link tokens are hashed with (HMAC-SHA256): Dashboard:LinkSigningKey, or a random key generated on
/// the first start and stored in the database. Held in memory only; never logged.
/// </summary>
public sealed class DashboardSigningKey(IOptions<DashboardOptions> options, IDashboardLinkStore store, TimeProvider time) : IDisposable
{
    public const string SecretName = "dashboard.link-signing-key";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private byte[]? _key;

    public async Task<byte[]> GetAsync(CancellationToken cancellationToken)
    {
        if (_key is { } cached)
        {
            return cached;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (options.Value.LinkSigningKey is { Length: > 0 } configured)
            {
                _key = Encoding.UTF8.GetBytes(configured);
            }
            else
            {
                var stored = await store.GetOrCreateSecretAsync(
                    SecretName, () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), time.GetUtcNow(), cancellationToken);
                _key = Convert.FromBase64String(stored);
            }

            return _key;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The stored form of a token: lowercase hex of HMAC-SHA256(key, token).</summary>
    public async Task<string> HashAsync(string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        var key = await GetAsync(cancellationToken);
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(token)));
    }

    public void Dispose() => _gate.Dispose();
}
