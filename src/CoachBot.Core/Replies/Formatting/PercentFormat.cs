using System.Globalization;

namespace CoachBot.Core.Replies.Formatting;

/// <summary>
/// The one way the coach writes a share as a percentage, so a quiz summary, <c>/progress</c> and the leaderboard never
/// disagree (2 of 3 is 67% everywhere): whole percents, rounded to nearest with halves away from zero (1 of 8 = 12.5%
/// → 13%), invariant culture, no space before the sign. Nothing of nothing is 0%.
/// </summary>
public static class PercentFormat
{
    /// <summary>The share as a whole number of percent, e.g. 67 for 2 of 3.</summary>
    public static int Value(int part, int whole) =>
        whole <= 0 ? 0 : (int)Math.Round(100.0 * part / whole, MidpointRounding.AwayFromZero);

    /// <summary>The share as text, e.g. "67%" for 2 of 3.</summary>
    public static string Of(int part, int whole) => Value(part, whole).ToString(CultureInfo.InvariantCulture) + "%";
}
