using System.Security.Cryptography;
using System.Text;
using CoachBot.Core.Conversations;

namespace CoachBot.Core.Commands;

/// <summary>
/// A short tag naming who a button was offered to, for buttons that carry no server-side state of their own (pickers):
/// the first 10 hex digits of SHA-256 over the user's platform key. It fits a <see cref="ButtonId"/> part on every
/// platform (user ids themselves may not) and lets the handler refuse a click by anyone else.
/// </summary>
public static class ButtonOwner
{
    private const int Length = 10;

    public static string Tag(UserIdentity user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(user.Key));
        return Convert.ToHexStringLower(hash)[..Length];
    }

    /// <summary>True when <paramref name="tag"/> (untrusted, from a button id) names <paramref name="user"/>.</summary>
    public static bool Is(string? tag, UserIdentity user) =>
        tag is { Length: Length } && string.Equals(tag, Tag(user), StringComparison.Ordinal);
}
