using System.Globalization;

namespace CoachBot.Coaching.Challenges;

/// <summary>
/// Reads the <c>due</c> option of <c>/challenge post</c>: a duration from now (<c>3d</c>, <c>36h</c>, <c>2w</c>), a
/// date (<c>2026-12-01</c>, meaning 23:59 UTC that day) or a date and time (<c>2026-12-01T18:00</c> in UTC, or with an
/// offset, <c>2026-12-01T18:00+01:00</c>).
/// </summary>
public static class DueTime
{
    public static readonly TimeSpan Longest = TimeSpan.FromDays(60);

    public const string Help = "Use a duration like `3d`, `36h` or `2w`, a date like `2026-12-01`, or a date and time like `2026-12-01T18:00` (UTC).";

    public static bool TryParse(string? text, DateTimeOffset now, TimeSpan defaultDuration, out DateTimeOffset due, out string? problem)
    {
        problem = null;
        due = now + defaultDuration;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var value = text.Trim();
        if (!TryRelative(value, now, out due) && !TryAbsolute(value, out due))
        {
            problem = $"I couldn't read the due time `{value.Replace('`', '\'')}`. {Help}";
            return false;
        }

        if (due <= now)
        {
            problem = "The due time must be in the future.";
            return false;
        }

        if (due - now > Longest)
        {
            problem = $"The due time must be within {Longest.TotalDays:0} days.";
            return false;
        }

        return true;
    }

    private static bool TryRelative(string value, DateTimeOffset now, out DateTimeOffset due)
    {
        due = default;
        if (value.Length < 2 || value.Length > 6)
        {
            return false;
        }

        if (!int.TryParse(value[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount <= 0)
        {
            return false;
        }

        TimeSpan? span = char.ToLowerInvariant(value[^1]) switch
        {
            'h' => TimeSpan.FromHours(amount),
            'd' => TimeSpan.FromDays(amount),
            'w' => TimeSpan.FromDays(7 * amount),
            _ => null,
        };
        if (span is null || span > Longest)
        {
            due = now + Longest + TimeSpan.FromDays(1);
            return span is not null;
        }

        due = now + span.Value;
        return true;
    }

    private static bool TryAbsolute(string value, out DateTimeOffset due)
    {
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            due = new DateTimeOffset(date.ToDateTime(new TimeOnly(23, 59)), TimeSpan.Zero);
            return true;
        }

        string[] formats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm:ssZ", "yyyy-MM-dd'T'HH:mmZ"];
        return DateTimeOffset.TryParseExact(
            value, formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out due);
    }
}
