using System.Diagnostics.CodeAnalysis;

namespace CoachBot.Core.Commands;

/// <summary>
/// The id carried by a button: <c>feature:part:part…</c>, at most 100 characters (Discord's custom_id limit), made of
/// letters, digits and <c>-_.</c> in each part. The parts name server-side state (a quiz session, a question index);
/// handlers must look that state up and check its owner — a well-formed id proves nothing.
/// </summary>
public sealed record ButtonId(string Feature, IReadOnlyList<string> Parts)
{
    public const int MaxLength = 100;
    private const char Separator = ':';

    public static string Create(string feature, params string[] parts)
    {
        ArgumentException.ThrowIfNullOrEmpty(feature);
        if (!IsValidPart(feature) || parts.Any(p => !IsValidPart(p)))
        {
            throw new ArgumentException("Button id parts may contain only letters, digits, '-', '_' and '.'.");
        }

        var id = string.Join(Separator, new[] { feature }.Concat(parts));
        return id.Length <= MaxLength
            ? id
            : throw new ArgumentException($"Button id '{id}' is longer than {MaxLength} characters.");
    }

    /// <summary>Parses an untrusted id. Returns false for anything malformed, overlong or empty.</summary>
    public static bool TryParse(string? raw, [NotNullWhen(true)] out ButtonId? id)
    {
        id = null;
        if (string.IsNullOrEmpty(raw) || raw.Length > MaxLength)
        {
            return false;
        }

        var pieces = raw.Split(Separator);
        if (pieces.Any(p => !IsValidPart(p)))
        {
            return false;
        }

        id = new ButtonId(pieces[0], pieces[1..]);
        return true;
    }

    public string? Part(int index) => index < Parts.Count ? Parts[index] : null;

    public override string ToString() => string.Join(Separator, new[] { Feature }.Concat(Parts));

    private static bool IsValidPart(string part) =>
        part.Length > 0 && part.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
