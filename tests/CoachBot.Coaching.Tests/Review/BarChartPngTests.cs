using CoachBot.Charts;
using SkiaSharp;

namespace CoachBot.Coaching.Tests.Review;

public sealed class BarChartPngTests
{
    private static readonly ChartBar[] Bars =
    [
        new("Relational databases and SQL", 0.75, "4 answers"),
        new("Security", null, ""),
        new("APIs", 0.2, "10 answers"),
    ];

    [Fact]
    public void The_chart_is_a_png_of_the_documented_size_with_bars_drawn()
    {
        var png = BarChartPng.Render("Your level per skill", Bars);

        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal(BarChartPng.Width, bitmap.Width);
        Assert.Equal(BarChartPng.HeightFor(3), bitmap.Height);
        Assert.Equal(BarChartPng.TitleHeight + (3 * BarChartPng.RowHeight) + BarChartPng.BottomMargin, bitmap.Height);

        // The first bar (75 %) is filled three quarters of the way, the untried one not at all.
        var barWidth = BarChartPng.Width - BarChartPng.LabelWidth - BarChartPng.ValueWidth;
        var rowMiddle = (int)(BarChartPng.TitleHeight + (BarChartPng.RowHeight / 2f));
        Assert.True(IsColoured(bitmap.GetPixel(BarChartPng.LabelWidth + (int)(barWidth * 0.7), rowMiddle)));
        Assert.False(IsColoured(bitmap.GetPixel(BarChartPng.LabelWidth + (int)(barWidth * 0.8), rowMiddle)));
        Assert.False(IsColoured(bitmap.GetPixel(BarChartPng.LabelWidth + 10, rowMiddle + BarChartPng.RowHeight)));
    }

    [Fact]
    public void Labels_are_drawn_with_the_bundled_font()
    {
        Assert.Equal(ChartFont.FamilyName, ChartFont.Typeface.FamilyName);
        Assert.NotNull(typeof(ChartFont).Assembly.GetManifestResourceStream(ChartFont.ResourceName));

        var png = BarChartPng.Render("Your level per skill", Bars);
        using var bitmap = SKBitmap.Decode(png);

        // Ink in the label column and the title band: text was rendered (no installed fonts are needed for it).
        Assert.True(DarkPixels(bitmap, new SKRectI(0, BarChartPng.TitleHeight, BarChartPng.LabelWidth, BarChartPng.TitleHeight + BarChartPng.RowHeight)) > 50);
        Assert.True(DarkPixels(bitmap, new SKRectI(0, 0, BarChartPng.Width, BarChartPng.TitleHeight)) > 100);
    }

    [Fact]
    public void The_same_text_drawn_with_the_bundled_font_matches_the_chart_and_differs_from_another_font()
    {
        using var bundled = new SKFont(ChartFont.Typeface, 24);
        using var fallback = new SKFont(SKTypeface.Default, 24);

        // The title's width in the bundled font is what the chart lays out; Skia's default face (if any) measures differently.
        Assert.True(bundled.MeasureText("Your level per skill") > 100);
        Assert.NotEqual(ChartFont.Typeface.FamilyName, SKTypeface.Default.FamilyName);
    }

    private static bool IsColoured(SKColor pixel) => Math.Max(pixel.Red, Math.Max(pixel.Green, pixel.Blue)) - Math.Min(pixel.Red, Math.Min(pixel.Green, pixel.Blue)) > 60;

    private static int DarkPixels(SKBitmap bitmap, SKRectI area)
    {
        var count = 0;
        for (var y = area.Top; y < area.Bottom; y++)
        {
            for (var x = area.Left; x < area.Right; x++)
            {
                var p = bitmap.GetPixel(x, y);
                count += p.Red + p.Green + p.Blue < 300 ? 1 : 0;
            }
        }

        return count;
    }
}
