using System.Security.Cryptography;
using System.Text;

namespace CoachBot.Knowledge.Semantic;

/// <summary>The key of an embedded text: lowercase hex SHA-256 of its UTF-8 bytes (64 characters).</summary>
public static class TextHash
{
    public const int Length = 64;

    public static string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
