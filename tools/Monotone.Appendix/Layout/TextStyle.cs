using Monotone.Figures;
using SkiaSharp;

namespace Monotone.Appendix.Layout;

/// <summary>A face, a size and the distance between baselines, in points.</summary>
internal sealed record TextStyle(SKTypeface Face, float Size, float Leading)
{
    public static TextStyle Body => new(PaperFonts.Regular, 9.5f, 13.5f);

    public static TextStyle Small => new(PaperFonts.Regular, 8.5f, 11.5f);

    public static TextStyle Caption => new(PaperFonts.Regular, 8.5f, 11.5f);

    public static TextStyle Mono => new(PaperFonts.Mono, 7.5f, 10.5f);

    public static TextStyle Title => new(PaperFonts.Bold, 17, 22);

    public static TextStyle Authors => new(PaperFonts.Regular, 11, 15);

    public static TextStyle Section => new(PaperFonts.Bold, 12.5f, 17);

    public static TextStyle Subsection => new(PaperFonts.Bold, 10, 14);

    public static TextStyle TableText => new(PaperFonts.Regular, 8, 11.2f);

    public static TextStyle TableHeader => new(PaperFonts.Bold, 8, 11.2f);

    public TextStyle WithFace(SKTypeface face) => this with { Face = face };

    public SKFont Font() => new(Face, Size) { Subpixel = true, LinearMetrics = true };

    public float Measure(string text)
    {
        using var font = Font();
        return font.MeasureText(text);
    }
}
