using System.Buffers.Binary;
using Monotone.Figures;
using Monotone.Tests.Support;
using SkiaSharp;
using UglyToad.PdfPig;

namespace Monotone.Tests.Figures;

public class FigureFilesTests
{
    private static readonly IReadOnlyList<ModelSeries> Models = SampleResults.Models(256);

    private static Figure Named(string name, bool showStdError = false) =>
        FigureSet.Plan(Models, new FigureSettings(showStdError)).Single(f => f.Name == name);

    [Theory]
    [InlineData("violation_rate", "Violation Rate")]
    [InlineData("average_absolute_error", "Average Absolute Error")]
    [InlineData("average_relative_error", "Average Relative Error")]
    public void The_pdf_is_a_4_5_by_3_inch_vector_page_whose_text_is_text(string name, string axisTitle)
    {
        byte[] pdf = FigureFiles.Pdf(Named(name));

        using var document = PdfDocument.Open(pdf);
        var page = document.GetPage(1);
        Assert.Equal(1, document.NumberOfPages);
        Assert.Equal(324, page.Width, 0.01);
        Assert.Equal(216, page.Height, 0.01);
        Assert.Empty(page.GetImages());
        string text = PdfText.Squeeze(page.Text);
        PdfText.AssertContains(text, ["Layer", axisTitle, .. SampleResults.NotebookModels.Select(m => m.Label)]);
        Assert.Single(page.Letters.Select(l => l.FontName).Distinct());
    }

    [Fact]
    public void Two_renders_give_the_same_bytes_in_every_format()
    {
        var first = Named("average_absolute_error", showStdError: true);
        var second = Named("average_absolute_error", showStdError: true);

        Assert.Equal(FigureFiles.Pdf(first), FigureFiles.Pdf(second));
        Assert.Equal(FigureFiles.Svg(first), FigureFiles.Svg(second));
        Assert.Equal(FigureFiles.Png(first), FigureFiles.Png(second));
    }

    [Fact]
    public void The_png_is_1800_by_1200_pixels_and_says_400_dpi()
    {
        byte[] png = FigureFiles.Png(Named("violation_rate"));

        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal(1800, bitmap.Width);
        Assert.Equal(1200, bitmap.Height);
        int phys = png.AsSpan().IndexOf("pHYs"u8);
        Assert.True(phys > 0, "no pHYs chunk");
        Assert.Equal(15748u, BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(phys + 4)));
        Assert.Equal(1, png[phys + 12]);
    }

    [Fact]
    public void The_svg_has_its_physical_size_and_its_labels_as_text()
    {
        string svg = System.Text.Encoding.UTF8.GetString(FigureFiles.Svg(Named("violation_rate")));

        Assert.Contains("width=\"4.5in\" height=\"3in\" viewBox=\"0 0 324 216\"", svg, StringComparison.Ordinal);
        Assert.Contains("<text", svg, StringComparison.Ordinal);
        Assert.Contains("font-family=\"DejaVu Sans\"", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Std_bands_change_the_error_figures_only()
    {
        Assert.Equal(FigureFiles.Pdf(Named("violation_rate")), FigureFiles.Pdf(Named("violation_rate", showStdError: true)));
        Assert.NotEqual(FigureFiles.Pdf(Named("average_relative_error")), FigureFiles.Pdf(Named("average_relative_error", showStdError: true)));
    }

    [Fact]
    public void The_faces_hold_every_character_the_figures_and_appendix_draw()
    {
        const string used = "0123456789 abcXYZ.,;:()[]/|*+=<>−–—…·×±≤≥ΣσεΔ∞ ’“”é ü ł";

        Assert.True(PaperFonts.Regular.ContainsGlyphs(used));
        Assert.True(PaperFonts.Bold.ContainsGlyphs(used));
        Assert.True(PaperFonts.Mono.ContainsGlyphs("xxh128:0123456789abcdef"));
    }
}
