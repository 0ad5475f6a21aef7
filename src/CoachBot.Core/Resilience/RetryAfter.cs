using System.Globalization;
using System.Net.Http.Headers;

namespace CoachBot.Core.Resilience;

/// <summary>Reads the wait a server asks for in a <c>Retry-After</c> header: seconds (fractions allowed) or an HTTP date.</summary>
public static class RetryAfter
{
    public static TimeSpan? FromHeaders(HttpResponseHeaders headers, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (headers.RetryAfter is { } parsed)
        {
            if (parsed.Delta is { } delta)
            {
                return delta;
            }

            if (parsed.Date is { } date)
            {
                return date - now;
            }
        }

        // "1.5" is not a valid delta for the typed header, but Slack and Discord both send fractions.
        return headers.TryGetValues("Retry-After", out var values)
            && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            && double.IsFinite(seconds)
            ? TimeSpan.FromSeconds(seconds)
            : null;
    }

    /// <summary>The wait kept within sense: <paramref name="fallback"/> when absent or not positive, at most <paramref name="max"/>.</summary>
    public static TimeSpan Bounded(TimeSpan? wait, TimeSpan fallback, TimeSpan max) =>
        wait is not { } value || value <= TimeSpan.Zero ? fallback : value > max ? max : value;
}
