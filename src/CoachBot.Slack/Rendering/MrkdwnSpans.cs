namespace CoachBot.Slack.Rendering;

/// <summary>
/// The splitter rule for Slack mrkdwn: a link (<c>&lt;url|label&gt;</c>, the only '&lt;' the converter emits) moves to
/// the next piece whole when it fits there, and an escape (<c>&amp;amp;</c>, <c>&amp;lt;</c>, <c>&amp;gt;</c>) is never
/// cut, since half of one shows as stray text.
/// </summary>
internal static class MrkdwnSpans
{
    private const int LinkLookBehind = 1024;
    private const int LongestEscape = 5;

    public static int KeepWhole(string text, int from, int cut)
    {
        var linkFrom = Math.Max(from, cut - LinkLookBehind);
        var open = text.LastIndexOf('<', cut - 1, cut - linkFrom);
        if (open > from + (cut - from) / 4 && text.IndexOf('>', open, cut - open) < 0)
        {
            cut = open;
        }

        var ampFrom = Math.Max(from, cut - LongestEscape);
        var amp = cut > ampFrom ? text.LastIndexOf('&', cut - 1, cut - ampFrom) : -1;
        if (amp >= 0)
        {
            var semi = text.IndexOf(';', amp, Math.Min(text.Length - amp, LongestEscape));
            if (semi >= cut)
            {
                cut = amp;
            }
        }

        return cut;
    }
}
