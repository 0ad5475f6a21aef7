using SkiaSharp;

namespace CoachBot.Charts;

/// <summary>
/// The bundled chart font (Lato Regular, SIL Open Font License 1.1: Fonts/OFL.txt), loaded from this assembly's
/// resources, never from the machine: a bare Debian host has no fonts, and the Skia build used has no fontconfig.
/// </summary>
public static class ChartFont
{
    public const string ResourceName = "CoachBot.Charts.Fonts.Lato-Regular.ttf";
    public const string FamilyName = "Lato";

    private static readonly Lazy<SKTypeface> Loaded = new(Load);

    public static SKTypeface Typeface => Loaded.Value;

    private static SKTypeface Load()
    {
        using var resource = typeof(ChartFont).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The chart font resource '{ResourceName}' is missing from {typeof(ChartFont).Assembly.GetName().Name}.");
        using var copy = new MemoryStream();
        resource.CopyTo(copy);
        using var data = SKData.CreateCopy(copy.ToArray());
        return SKTypeface.FromData(data)
            ?? throw new InvalidOperationException($"The chart font resource '{ResourceName}' is not a font Skia can read.");
    }
}
