using System.Diagnostics;
using System.Globalization;

namespace CoachBot.LoadTest;

/// <summary>Progress lines on standard error (the table on standard output stays clean for pasting).</summary>
internal static class Progress
{
    private static readonly long Started = Stopwatch.GetTimestamp();

    public static void Say(string message) =>
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{Stopwatch.GetElapsedTime(Started).TotalSeconds,6:0.0} s] {message}"));
}
