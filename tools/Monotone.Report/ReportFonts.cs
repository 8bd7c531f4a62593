using Monotone.Figures;

namespace Monotone.Report;

/// <summary>
/// The page's fonts: the DejaVu Sans subsets the figures and the appendix use, as @font-face
/// rules with data: URLs, so the page and its SVG text look the same on every machine and
/// load nothing from outside the file.
/// </summary>
internal static class ReportFonts
{
    private static readonly Lazy<string> Rules = new(() => string.Concat(
        Face(PaperFonts.Family, "normal", "DejaVuSans-Subset.ttf"),
        Face(PaperFonts.Family, "bold", "DejaVuSans-Bold-Subset.ttf"),
        Face("DejaVu Sans Mono", "normal", "DejaVuSansMono-Subset.ttf")));

    /// <summary>CSS text with no characters that need HTML encoding (base64 and fixed names).</summary>
    public static string FaceRules => Rules.Value;

    private static string Face(string family, string weight, string file)
    {
        using var stream = typeof(PaperFonts).Assembly.GetManifestResourceStream($"Monotone.Figures.Fonts.{file}")
            ?? throw new InvalidOperationException($"font {file} is not embedded in Monotone.Figures");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return $"@font-face{{font-family:'{family}';font-weight:{weight};src:url(data:font/ttf;base64,{Convert.ToBase64String(memory.ToArray())}) format('truetype');}}\n";
    }
}
