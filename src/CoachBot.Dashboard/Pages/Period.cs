namespace CoachBot.Dashboard.Pages;

/// <summary>The period a page covers, from a fixed choice (?days=7, 30 or 90; 30 otherwise).</summary>
public static class Period
{
    public static readonly int[] Choices = [7, 30, 90];

    public static int Days(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return int.TryParse(context.Request.Query["days"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var days)
            && Choices.Contains(days) ? days : 30;
    }

    public static string Links(string path, int current) =>
        string.Join(" · ", Choices.Select(d => d == current
            ? $"<strong>last {d} days</strong>"
            : $"<a href=\"{path}?days={d}\">last {d} days</a>"));
}
