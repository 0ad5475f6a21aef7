using System.Globalization;

namespace CoachBot.Coaching.Challenges;

/// <summary>Small formatting helpers shared by the challenge replies.</summary>
public static class ChallengeText
{
    /// <summary>"Mon 30 Nov 2026, 09:00 UTC".</summary>
    public static string When(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("ddd d MMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>"in 3 days", "in 5 hours", "in 20 minutes", or "now".</summary>
    public static string Until(DateTimeOffset instant, DateTimeOffset now)
    {
        var left = instant - now;
        if (left <= TimeSpan.Zero)
        {
            return "now";
        }

        return left.TotalDays >= 2 ? string.Create(CultureInfo.InvariantCulture, $"in {(int)left.TotalDays} days")
            : left.TotalHours >= 2 ? string.Create(CultureInfo.InvariantCulture, $"in {(int)left.TotalHours} hours")
            : string.Create(CultureInfo.InvariantCulture, $"in {Math.Max(1, (int)left.TotalMinutes)} minutes");
    }

    /// <summary>Cuts a submission for a listing, on a character boundary, with an ellipsis.</summary>
    public static string Excerpt(string text, int length)
    {
        ArgumentNullException.ThrowIfNull(text);
        var oneLine = text.ReplaceLineEndings(" ");
        return oneLine.Length <= length ? oneLine : Core.Safety.InputText.Truncate(oneLine, length).TrimEnd() + "…";
    }

    /// <summary>Text safe inside inline code.</summary>
    public static string Code(string text) => "`" + (text ?? string.Empty).Replace('`', '\'') + "`";

    public static string Plural(int count, string one, string many) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? one : many)}");
}
