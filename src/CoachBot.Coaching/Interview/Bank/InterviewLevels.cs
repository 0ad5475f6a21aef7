using System.Diagnostics.CodeAnalysis;

namespace CoachBot.Coaching.Interview.Bank;

/// <summary>Names of <see cref="InterviewLevel"/> as people type them and as the bank and storage write them.</summary>
public static class InterviewLevels
{
    public static IReadOnlyList<InterviewLevel> All { get; } = [InterviewLevel.Junior, InterviewLevel.Mid, InterviewLevel.Senior, InterviewLevel.Lead];

    private static readonly Dictionary<string, InterviewLevel> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["junior"] = InterviewLevel.Junior,
        ["entry"] = InterviewLevel.Junior,
        ["entry-level"] = InterviewLevel.Junior,
        ["intern"] = InterviewLevel.Junior,
        ["mid"] = InterviewLevel.Mid,
        ["mid-level"] = InterviewLevel.Mid,
        ["middle"] = InterviewLevel.Mid,
        ["intermediate"] = InterviewLevel.Mid,
        ["senior"] = InterviewLevel.Senior,
        ["lead"] = InterviewLevel.Lead,
        ["architect"] = InterviewLevel.Lead,
        ["lead-architect"] = InterviewLevel.Lead,
        ["lead/architect"] = InterviewLevel.Lead,
        ["staff"] = InterviewLevel.Lead,
        ["principal"] = InterviewLevel.Lead,
    };

    /// <summary>The stored name: <c>junior</c>, <c>mid</c>, <c>senior</c>, <c>lead</c>.</summary>
    public static string Name(InterviewLevel level) => level switch
    {
        InterviewLevel.Junior => "junior",
        InterviewLevel.Mid => "mid",
        InterviewLevel.Senior => "senior",
        InterviewLevel.Lead => "lead",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };

    /// <summary>For people: "junior", "mid-level", "senior", "lead/architect".</summary>
    public static string Display(InterviewLevel level) => level switch
    {
        InterviewLevel.Mid => "mid-level",
        InterviewLevel.Lead => "lead/architect",
        _ => Name(level),
    };

    /// <summary>The level named by <paramref name="text"/>, or <paramref name="fallback"/> when it names none.</summary>
    public static InterviewLevel ParseOrDefault(string? text, InterviewLevel fallback) =>
        TryParse(text, out var level) ? level.Value : fallback;

    public static bool TryParse(string? text, [NotNullWhen(true)] out InterviewLevel? level)
    {
        level = null;
        if (string.IsNullOrWhiteSpace(text) || !Aliases.TryGetValue(text.Trim(), out var found))
        {
            return false;
        }

        level = found;
        return true;
    }
}
