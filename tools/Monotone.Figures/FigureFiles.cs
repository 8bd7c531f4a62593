using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;
using System.Text.RegularExpressions;
using Monotone.Core;
using Monotone.Results;
using SkiaSharp;

namespace Monotone.Figures;

/// <summary>
/// A figure's three files. Each is a pure function of the figure: no dates, no
/// random identifiers, fonts from our own bytes, so two renders give the same bytes.
/// </summary>
public static partial class FigureFiles
{
    public const int PngDpi = 400;

    /// <summary>A vector PDF page of 4.5 × 3 in; text stays text, in one embedded DejaVu Sans subset.</summary>
    public static byte[] Pdf(Figure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        using var stream = new MemoryStream();
        using (var document = SKDocument.CreatePdf(stream, PdfMetadata(figure.Caption, author: null, date: null)))
        {
            figure.Draw(document.BeginPage(Figure.WidthPoints, Figure.HeightPoints));
            document.EndPage();
            document.Close();
        }

        return stream.ToArray();
    }

    /// <summary>An SVG whose root says its physical size (4.5in × 3in), with a viewBox in points.</summary>
    public static byte[] Svg(Figure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        using var stream = new MemoryStream();
        using (var canvas = SKSvgCanvas.Create(SKRect.Create(Figure.WidthPoints, Figure.HeightPoints), stream))
        {
            figure.Draw(canvas);
        }

        string svg = StableIds(Encoding.UTF8.GetString(stream.ToArray()));
        string size = $"width=\"{Figure.WidthPoints:0}\" height=\"{Figure.HeightPoints:0}\"";
        string physical = $"width=\"{Figure.WidthPoints / 72:0.##}in\" height=\"{Figure.HeightPoints / 72:0.##}in\" viewBox=\"0 0 {Figure.WidthPoints:0} {Figure.HeightPoints:0}\"";
        int at = svg.IndexOf(size, StringComparison.Ordinal);
        return Encoding.UTF8.GetBytes(at < 0 ? svg : string.Concat(svg.AsSpan(0, at), physical, svg.AsSpan(at + size.Length)));
    }

    /// <summary>
    /// Skia numbers SVG clip paths from a counter shared by the whole process
    /// (cl_4 in one render, cl_f in the next); numbering them in order of
    /// appearance makes the file depend on the figure alone.
    /// </summary>
    private static string StableIds(string svg)
    {
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        return SkiaId().Replace(svg, match =>
        {
            if (!numbers.TryGetValue(match.Value, out int number))
            {
                number = numbers.Count + 1;
                numbers[match.Value] = number;
            }

            return $"{match.Groups[1].Value}_{number}";
        });
    }

    [GeneratedRegex(@"\b(cl|gradient|pattern|mask|img)_[0-9a-f]+\b", RegexOptions.CultureInvariant)]
    private static partial Regex SkiaId();

    /// <summary>A 400 dpi PNG (1800 × 1200 px), with a pHYs chunk so that programs place it at 4.5 × 3 in.</summary>
    public static byte[] Png(Figure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        float scale = PngDpi / 72f;
        var info = new SKImageInfo((int)Math.Round(Figure.WidthPoints * scale), (int)Math.Round(Figure.HeightPoints * scale), SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info);
        surface.Canvas.Clear(SKColors.White);
        surface.Canvas.Scale(scale);
        figure.Draw(surface.Canvas);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return WithResolution(data.ToArray(), PngDpi);
    }

    /// <summary>
    /// Document information for PDFs: no creation date unless the caller has one
    /// (SOURCE_DATE_EPOCH), because a date from the clock would change the bytes on every render.
    /// </summary>
    public static SKDocumentPdfMetadata PdfMetadata(string title, string? author, DateTime? date) =>
        new(SKDocument.DefaultRasterDpi)
        {
            Title = title,
            Author = author ?? "",
            Creator = $"Monotone {ToolVersion.Current}",
            Producer = "Monotone (SkiaSharp PDF)",
            Creation = date,
            Modified = date,
        };

    /// <summary>Inserts a pHYs chunk (pixels per metre) right after IHDR, as the PNG specification orders it.</summary>
    private static byte[] WithResolution(byte[] png, int dpi)
    {
        const int afterHeader = 8 + 4 + 4 + 13 + 4;
        uint perMetre = (uint)Math.Round(dpi / 0.0254);
        var chunk = new byte[4 + 4 + 9 + 4];
        BinaryPrimitives.WriteUInt32BigEndian(chunk, 9);
        "pHYs"u8.CopyTo(chunk.AsSpan(4));
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8), perMetre);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(12), perMetre);
        chunk[16] = 1;
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(17), Crc32.HashToUInt32(chunk.AsSpan(4, 13)));
        return [.. png.AsSpan(0, afterHeader), .. chunk, .. png.AsSpan(afterHeader)];
    }
}
