using CoachBot.Core.Replies;

namespace CoachBot.Knowledge.Guides;

/// <summary>
/// A heading of a guide. <see cref="Reference"/> (<c>guide-id#section-slug</c>) is how the quiz, interview and challenge
/// banks point at the part of the guide to read; <see cref="GuideCatalog.FindSection"/> resolves it.
/// </summary>
public sealed record GuideSection(string GuideId, string GuideTitle, IReadOnlyList<string> Path, string Slug)
{
    public string Reference => $"{GuideId}#{Slug}";

    /// <summary>The heading text as written in the guide (for the top-level heading: the guide's own title heading).</summary>
    public string Heading { get; init; } = "";

    /// <summary>The Markdown heading level (1 for the guide's title heading, 2 for its parts, …).</summary>
    public int Level { get; init; }

    /// <summary>The paragraphs and list items directly under this heading (not those of its sub-headings), verbatim.</summary>
    public IReadOnlyList<GuideParagraph> Paragraphs { get; init; } = [];

    public Citation ToCitation() => new(GuideId, GuideTitle, Path);

    /// <summary>The slug of a heading: lowercase ASCII letters and digits, other runs folded to '-'.</summary>
    public static string SlugOf(string heading)
    {
        ArgumentNullException.ThrowIfNull(heading);
        var chars = new System.Text.StringBuilder(heading.Length);
        var dash = false;
        foreach (var c in heading.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                chars.Append(c);
                dash = false;
            }
            else if (!dash && chars.Length > 0)
            {
                chars.Append('-');
                dash = true;
            }
        }

        return chars.ToString().TrimEnd('-');
    }
}
