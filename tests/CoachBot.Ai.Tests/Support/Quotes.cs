using System.Text.RegularExpressions;

namespace CoachBot.Ai.Tests.Support;

/// <summary>Reads the quoted sentences back out of an offline answer (blockquote lines, citation markers removed).</summary>
public static partial class Quotes
{
    public static IReadOnlyList<string> In(string answerText) =>
        answerText.Split('\n')
            .Where(l => l.StartsWith("> ", StringComparison.Ordinal))
            .Select(l => TrailingMarkers().Replace(l[2..], string.Empty))
            .ToArray();

    [GeneratedRegex(@"(\s\[\d+\])+$")]
    private static partial Regex TrailingMarkers();
}
