using ScottPlot;
using SkiaSharp;

namespace Monotone.Figures;

/// <summary>
/// The faces every figure and the appendix draw with: subsets of DejaVu Sans
/// embedded in this assembly (see Fonts/make-subsets.sh). Loading them from our
/// own bytes, never by family name, is what keeps text from silently vanishing
/// where SkiaSharp cannot resolve a name (docs/design.md §5), and keeps every
/// machine's output the same.
/// </summary>
public static class PaperFonts
{
    /// <summary>The family name ScottPlot is told to use; our resolver answers it.</summary>
    public const string Family = "DejaVu Sans";

    private static readonly Lazy<SKTypeface> RegularFace = new(() => Load("DejaVuSans-Subset.ttf"));
    private static readonly Lazy<SKTypeface> BoldFace = new(() => Load("DejaVuSans-Bold-Subset.ttf"));
    private static readonly Lazy<SKTypeface> MonoFace = new(() => Load("DejaVuSansMono-Subset.ttf"));
    private static readonly Lazy<bool> Registered = new(RegisterWithScottPlot);

    public static SKTypeface Regular => RegularFace.Value;

    public static SKTypeface Bold => BoldFace.Value;

    public static SKTypeface Mono => MonoFace.Value;

    /// <summary>Makes ScottPlot draw every label with our faces. Idempotent and thread-safe.</summary>
    internal static void UseInScottPlot() => _ = Registered.Value;

    private static bool RegisterWithScottPlot()
    {
        // First in the list, so no system font is ever consulted; ScottPlot's
        // resolvers are process-wide, and this process draws only our figures.
        Fonts.FontResolvers.Insert(0, new EmbeddedResolver());
        Fonts.Default = Family;
        Fonts.Sans = Family;
        return true;
    }

    private static SKTypeface Load(string file)
    {
        using var stream = typeof(PaperFonts).Assembly.GetManifestResourceStream($"Monotone.Figures.Fonts.{file}")
            ?? throw new InvalidOperationException($"font resource {file} is missing from the assembly");
        return SKTypeface.FromStream(stream)
            ?? throw new InvalidOperationException($"font resource {file} is not a font SkiaSharp can read");
    }

    /// <summary>Answers every request with our regular or bold face, whatever the name.</summary>
    private sealed class EmbeddedResolver : IFontResolver
    {
        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) => bold ? Bold : Regular;

        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
            weight >= FontWeight.SemiBold ? Bold : Regular;
    }
}
