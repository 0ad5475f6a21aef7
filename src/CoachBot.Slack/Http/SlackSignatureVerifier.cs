using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CoachBot.Slack.Http;

/// <summary>
/// Checks Slack's request signature: <c>v0=hex(HMAC-SHA256(signing secret, "v0:{timestamp}:{raw body}"))</c>,
/// compared in constant time; timestamps more than five minutes from now are refused (replays).
/// </summary>
public sealed class SlackSignatureVerifier(TimeProvider timeProvider)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    public SlackSignatureCheck Verify(string signingSecret, string? timestampHeader, string? signatureHeader, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(timestampHeader) || string.IsNullOrEmpty(signatureHeader))
        {
            return SlackSignatureCheck.Missing;
        }

        if (!long.TryParse(timestampHeader, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return SlackSignatureCheck.Invalid;
        }

        var now = timeProvider.GetUtcNow().ToUnixTimeSeconds();
        if (Math.Abs(now - seconds) > MaxAge.TotalSeconds)
        {
            return SlackSignatureCheck.Stale;
        }

        var expected = Encoding.ASCII.GetBytes(ComputeSignature(signingSecret, timestampHeader, body));
        var actual = Encoding.ASCII.GetBytes(signatureHeader.Trim());
        return CryptographicOperations.FixedTimeEquals(expected, actual) ? SlackSignatureCheck.Valid : SlackSignatureCheck.Invalid;
    }

    /// <summary>The <c>v0=…</c> signature for a timestamp and raw body.</summary>
    public static string ComputeSignature(string signingSecret, string timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(signingSecret);
        var prefix = Encoding.UTF8.GetBytes("v0:" + timestamp + ":");
        var data = new byte[prefix.Length + body.Length];
        prefix.CopyTo(data, 0);
        body.CopyTo(data.AsSpan(prefix.Length));
        var hash = HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingSecret), data);
        return "v0=" + Convert.ToHexStringLower(hash);
    }
}
