using System.Text.RegularExpressions;

namespace CoachBot.Ai.Tests.Support;

/// <summary>The guides as text, and passages cut from them verbatim, for tests that must not depend on retrieval.</summary>
public static partial class GuideText
{
    private static readonly Lazy<Dictionary<string, string[]>> Guides = new(() =>
        Directory.EnumerateFiles(RepoPaths.Guides, "*.md").ToDictionary(f => Path.GetFileNameWithoutExtension(f), f => File.ReadAllLines(f)));

    /// <summary>Every guide's text, one string, for "exists verbatim" checks.</summary>
    public static string All { get; } = string.Join("\n", Directory.EnumerateFiles(RepoPaths.Guides, "*.md").Select(File.ReadAllText));

    /// <summary>The text under a heading of a guide (up to the next heading), as a passage.</summary>
    public static Passage Section(string guideId, string heading, int ordinal = 0)
    {
        var lines = Guides.Value[guideId];
        var title = lines.First(l => l.StartsWith("title:", StringComparison.Ordinal))["title:".Length..].Trim();
        var start = Array.FindIndex(lines, l => HeadingText(l) == heading);
        if (start < 0)
        {
            throw new ArgumentException($"No heading '{heading}' in {guideId}.");
        }

        var body = lines.Skip(start + 1).TakeWhile(l => HeadingText(l) is null).ToArray();
        var text = string.Join("\n", body).Trim();
        return new Passage($"{guideId}#{ordinal}", guideId, title, [heading], text);
    }

    public static ScoredPassage Scored(string guideId, string heading, float score = 10f) => new(Section(guideId, heading), score);

    private static string? HeadingText(string line)
    {
        var match = Heading().Match(line);
        return match.Success ? match.Groups[1].Value.Trim() : null;
    }

    [GeneratedRegex(@"^#{1,6}\s+(.+)$")]
    private static partial Regex Heading();
}
