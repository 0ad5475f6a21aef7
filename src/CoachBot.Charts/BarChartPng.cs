using System.Globalization;
using SkiaSharp;

namespace CoachBot.Charts;

/// <summary>
/// A horizontal bar chart of 0..100 % values as a PNG, drawn with SkiaSharp and the bundled <see cref="ChartFont"/>:
/// <see cref="Width"/> pixels wide, <see cref="HeightFor"/> high (a title band, then one row per bar). Untried bars
/// have no track, only a grey "not tried" where the bar would be, and a tried 0 % shows a sliver of bar, so 0 % and "no answers" never look alike.
/// </summary>
public static class BarChartPng
{
    public const int Width = 800;
    public const int TitleHeight = 56;
    public const int RowHeight = 40;
    public const int BottomMargin = 36;
    public const int LabelWidth = 230;
    public const int ValueWidth = 170;
    public const int MaxBars = 40;

    private static readonly SKColor Background = new(0xFF, 0xFF, 0xFF);
    private static readonly SKColor Ink = new(0x1D, 0x35, 0x57);
    private static readonly SKColor Muted = new(0x6C, 0x75, 0x7D);
    private static readonly SKColor Track = new(0xE9, 0xEC, 0xEF);
    private static readonly SKColor Weak = new(0xE6, 0x39, 0x46);
    private static readonly SKColor Middling = new(0xF4, 0xA2, 0x61);
    private static readonly SKColor Strong = new(0x2A, 0x9D, 0x8F);

    public static int HeightFor(int bars) => TitleHeight + (Math.Clamp(bars, 1, MaxBars) * RowHeight) + BottomMargin;

    public static byte[] Render(string title, IReadOnlyList<ChartBar> bars, string? caption = null)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(bars);
        var shown = bars.Take(MaxBars).ToList();
        var height = HeightFor(shown.Count);
        using var surface = SKSurface.Create(new SKImageInfo(Width, height, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException("Skia could not create a drawing surface.");
        var canvas = surface.Canvas;
        canvas.Clear(Background);
        using var titleFont = new SKFont(ChartFont.Typeface, 24);
        using var labelFont = new SKFont(ChartFont.Typeface, 16);
        using var smallFont = new SKFont(ChartFont.Typeface, 13);
        using var ink = new SKPaint { Color = Ink, IsAntialias = true };
        using var muted = new SKPaint { Color = Muted, IsAntialias = true };
        using var track = new SKPaint { Color = Track, IsAntialias = true };
        using var bar = new SKPaint { IsAntialias = true };

        canvas.DrawText(Fit(title, titleFont, Width - 40), 20, 36, SKTextAlign.Left, titleFont, ink);
        var barLeft = LabelWidth;
        var barWidth = Width - LabelWidth - ValueWidth;
        for (var i = 0; i < shown.Count; i++)
        {
            var top = TitleHeight + (i * RowHeight);
            var baseline = top + (RowHeight / 2f) + 6;
            var entry = shown[i];
            canvas.DrawText(Fit(entry.Label, labelFont, LabelWidth - 30), LabelWidth - 14, baseline, SKTextAlign.Right, labelFont, ink);
            var rect = new SKRect(barLeft, top + 10, barLeft + barWidth, top + RowHeight - 10);
            if (entry.Value is { } level)
            {
                // A tried skill gets its track and a bar (a sliver at 0 %), so 0 % never looks like "not tried".
                var clamped = Math.Clamp(level, 0, 1);
                canvas.DrawRoundRect(rect, 4, 4, track);
                bar.Color = clamped < 0.5 ? Weak : clamped < 0.75 ? Middling : Strong;
                canvas.DrawRoundRect(new SKRect(rect.Left, rect.Top, rect.Left + Math.Max(4f, (float)(barWidth * clamped)), rect.Bottom), 4, 4, bar);
                var value = string.Create(CultureInfo.InvariantCulture, $"{Math.Round(clamped * 100):0} %");
                var text = entry.Note.Length == 0 ? value : $"{value} · {entry.Note}";
                canvas.DrawText(Fit(text, smallFont, ValueWidth - 16), barLeft + barWidth + 12, baseline - 1, SKTextAlign.Left, smallFont, ink);
            }
            else
            {
                // Untried: no track at all, just the words where the bar would be.
                canvas.DrawText("not tried", rect.Left + 8, baseline - 1, SKTextAlign.Left, smallFont, muted);
            }
        }

        if (!string.IsNullOrEmpty(caption))
        {
            canvas.DrawText(Fit(caption, smallFont, Width - 40), 20, height - 14, SKTextAlign.Left, smallFont, muted);
        }

        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    /// <summary>The text, cut with an ellipsis to fit <paramref name="maxWidth"/> pixels in <paramref name="font"/>.</summary>
    private static string Fit(string text, SKFont font, float maxWidth)
    {
        if (font.MeasureText(text) <= maxWidth)
        {
            return text;
        }

        var cut = text.Length;
        while (cut > 1 && font.MeasureText(text[..cut] + "…") > maxWidth)
        {
            cut--;
        }

        return text[..cut] + "…";
    }
}
