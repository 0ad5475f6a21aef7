using System.Security.Cryptography;

namespace CoachBot.Testing.FakeSlack;

/// <summary>
/// Signs requests the way Slack does (written independently of the adapter's verifier, so tests check one against the
/// other): <c>v0=</c> + lowercase hex of HMAC-SHA256(secret, "v0:" + timestamp + ":" + body).
/// </summary>
public static class SlackRequestSigner
{
    public static string Sign(string signingSecret, string timestamp, byte[] body)
    {
        ArgumentNullException.ThrowIfNull(signingSecret);
        ArgumentNullException.ThrowIfNull(body);
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(signingSecret));
        var baseString = Encoding.UTF8.GetBytes($"v0:{timestamp}:").Concat(body).ToArray();
        var hash = hmac.ComputeHash(baseString);
        var hex = new StringBuilder("v0=", 3 + hash.Length * 2);
        foreach (var b in hash)
        {
            hex.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return hex.ToString();
    }
}
