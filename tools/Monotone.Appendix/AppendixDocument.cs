using Monotone.Appendix.Layout;
using Monotone.Figures;
using Monotone.Results;
using SkiaSharp;

namespace Monotone.Appendix;

/// <summary>
/// <c>paper/appendix.pdf</c>: title, introduction, method, the figures (drawn as
/// vectors), a summary table, a per-layer table for every model and the
/// provenance of every result, with page numbers, an outline entry per section
/// and document information. The bytes depend only on the arguments.
/// </summary>
public static class AppendixDocument
{
    public static byte[] Render(IReadOnlyList<ModelSeries> models, FigureSettings settings, AppendixMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(metadata);
        var layout = new PageLayout();
        var rows = SummaryRow.For(models);
        AppendixSections.TitleBlock(layout, metadata, rows);
        AppendixSections.Introduction(layout, metadata.Introduction);
        AppendixSections.Method(layout, rows);
        AppendixSections.Figures(layout, FigureSet.Plan(models, settings));
        AppendixSections.Summary(layout, rows);
        AppendixSections.Variants(layout, VariantRow.For(models));
        AppendixSections.PerLayer(layout, rows);
        AppendixSections.Provenance(layout, rows, metadata.Origins);

        using var stream = new MemoryStream();
        var info = FigureFiles.PdfMetadata(metadata.Title, string.Join(", ", metadata.Authors), metadata.Date);
        info.Subject = "Attention monotonicity: method, figures, per-layer results and provenance";
        info.Keywords = "ALiBi, attention, monotonicity, position bias";
        using (var document = SKDocument.CreatePdf(stream, info))
        {
            for (int page = 0; page < layout.Pages.Count; page++)
            {
                var canvas = document.BeginPage(PageLayout.PageWidth, PageLayout.PageHeight);
                foreach (var draw in layout.Pages[page])
                {
                    draw(canvas);
                }

                Footer(canvas, page + 1, layout.Pages.Count);
                document.EndPage();
            }

            document.Close();
        }

        return PdfOutline.Append(stream.ToArray(), layout.Outline);
    }

    /// <summary>Writes the appendix to <paramref name="path"/> (e.g. paper/appendix.pdf) only when its bytes change.</summary>
    public static PlannedFile File(IReadOnlyList<ModelSeries> models, FigureSettings settings, AppendixMetadata metadata, string path) =>
        new(path, () => Render(models, settings, metadata));

    public static WrittenFile Write(IReadOnlyList<ModelSeries> models, FigureSettings settings, AppendixMetadata metadata, string path) =>
        File(models, settings, metadata, path).Write();

    private static void Footer(SKCanvas canvas, int page, int pages)
    {
        var style = TextStyle.Small;
        using var font = style.Font();
        using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        canvas.DrawText($"{page} / {pages}", PageLayout.PageWidth / 2, PageLayout.PageHeight - (PageLayout.Margin / 2), SKTextAlign.Center, font, paint);
    }
}
