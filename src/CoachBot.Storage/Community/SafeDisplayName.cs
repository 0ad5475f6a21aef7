using System.Text;

namespace CoachBot.Storage.Community;

/// <summary>
/// Makes a display name safe to store and show anywhere: no mention syntax (<c>@</c>, <c>&lt;…&gt;</c>), no control or
/// invisible characters, no Markdown that could break a list, bounded length. "@everyone" becomes "everyone".
/// </summary>
public static class SafeDisplayName
{
    public const string Anonymous = "someone";

    public static string From(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return Anonymous;
        }

        var builder = new StringBuilder(name.Length);
        foreach (var rune in name.Normalize(NormalizationForm.FormC).EnumerateRunes())
        {
            if (rune.Value is '@' or '<' or '>' or '`' or '*' or '_' or '~' or '|' or '#' or '[' or ']' or '\\' or '!')
            {
                continue;
            }

            var category = Rune.GetUnicodeCategory(rune);
            if (category is System.Globalization.UnicodeCategory.Control or System.Globalization.UnicodeCategory.Format
                or System.Globalization.UnicodeCategory.Surrogate or System.Globalization.UnicodeCategory.PrivateUse
                or System.Globalization.UnicodeCategory.OtherNotAssigned)
            {
                continue;
            }

            builder.Append(Rune.IsWhiteSpace(rune) ? " " : rune.ToString());
        }

        var cleaned = string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (cleaned.Length > StorageLimits.DisplayNameLength)
        {
            cleaned = cleaned[..StorageLimits.DisplayNameLength];
            if (char.IsHighSurrogate(cleaned[^1]))
            {
                cleaned = cleaned[..^1];
            }
        }

        return cleaned.Length == 0 ? Anonymous : cleaned;
    }
}
