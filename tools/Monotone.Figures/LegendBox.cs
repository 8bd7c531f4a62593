using ScottPlot;
using SkiaSharp;

namespace Monotone.Figures;

/// <summary>
/// The notebook's legend: no frame, 9 pt, handles 1.2 em long, and matplotlib's
/// loc="best": of its ten anchored positions, the first that covers the fewest
/// line vertices and crosses the fewest lines. Spacings are matplotlib's
/// defaults, in units of the font size.
/// </summary>
internal sealed class LegendBox
{
    private const float Size = FigureStyle.LegendSize;
    private const float BorderPad = 0.4f * Size;
    private const float BorderAxesPad = 0.5f * Size;
    private const float LabelSpacing = 0.5f * Size;
    private const float HandleLength = 1.2f * Size;
    private const float HandleTextPad = 0.8f * Size;

    private readonly Chart chart;
    private readonly ChartFrame frame;
    private readonly PixelRect area;

    public LegendBox(Chart chart, ChartFrame frame, PixelRect area)
    {
        this.chart = chart;
        this.frame = frame;
        this.area = area;
    }

    public void Draw(SKCanvas canvas)
    {
        if (chart.Curves.Count == 0)
        {
            return;
        }

        using var font = ChartFrame.Font(Size);
        font.MeasureText("lp", out var lp);
        float rowHeight = lp.Height, descent = lp.Bottom;
        float width = (2 * BorderPad) + HandleLength + HandleTextPad + chart.Curves.Max(c => font.MeasureText(c.Label));
        float height = (2 * BorderPad) + (chart.Curves.Count * rowHeight) + ((chart.Curves.Count - 1) * LabelSpacing);
        var box = Best(width, height);

        using var text = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        for (int i = 0; i < chart.Curves.Count; i++)
        {
            var curve = chart.Curves[i];
            float baseline = box.Top + BorderPad + (i * (rowHeight + LabelSpacing)) + rowHeight - descent;
            float handleY = baseline - (0.35f * Size);
            float handleLeft = box.Left + BorderPad;
            using var line = new SKPaint
            {
                Color = FigureStyle.ColorOf(curve.ColorIndex).ToSKColor(),
                IsAntialias = true,
                IsStroke = true,
                StrokeWidth = FigureStyle.DataLineWidth,
                StrokeCap = SKStrokeCap.Square,
            };
            canvas.DrawLine(handleLeft, handleY, handleLeft + HandleLength, handleY, line);
            if (curve.Markers)
            {
                line.IsStroke = false;
                canvas.DrawCircle(handleLeft + (HandleLength / 2), handleY, Decorations.MarkerSize / 2, line);
            }

            canvas.DrawText(curve.Label, handleLeft + HandleLength + HandleTextPad, baseline, SKTextAlign.Left, font, text);
        }
    }

    /// <summary>matplotlib's Legend._find_best_position, over its codes 1 … 10 in order.</summary>
    private SKRect Best(float width, float height)
    {
        var lines = chart.Curves.Select(Points).ToArray();
        SKRect best = default;
        int bestBadness = int.MaxValue;
        foreach (var candidate in Candidates(width, height))
        {
            int badness = lines.Sum(points => points.Count(candidate.Contains) + (Crosses(points, candidate) ? 1 : 0));
            if (badness < bestBadness)
            {
                (best, bestBadness) = (candidate, badness);
            }

            if (badness == 0)
            {
                break;
            }
        }

        return best;
    }

    private IEnumerable<SKRect> Candidates(float width, float height)
    {
        float left = area.Left + BorderAxesPad, right = area.Right - BorderAxesPad - width;
        float top = area.Top + BorderAxesPad, bottom = area.Bottom - BorderAxesPad - height;
        float centerX = area.HorizontalCenter - (width / 2), centerY = area.VerticalCenter - (height / 2);
        (float X, float Y)[] corners =
        [
            (right, top), (left, top), (left, bottom), (right, bottom), (right, centerY),
            (left, centerY), (right, centerY), (centerX, bottom), (centerX, top), (centerX, centerY),
        ];
        return corners.Select(c => SKRect.Create(c.X, c.Y, width, height));
    }

    private SKPoint[] Points(Curve curve)
    {
        double[] xs = frame.ToX(curve.X);
        return [.. xs.Select((x, i) => new SKPoint(
            Decorations.Pixel(frame.X, x, area.Left, area.Right),
            Decorations.Pixel(frame.Y, curve.Y[i], area.Bottom, area.Top)))];
    }

    /// <summary>Whether any segment of the polyline enters the box (Liang–Barsky clipping).</summary>
    private static bool Crosses(SKPoint[] points, SKRect box)
    {
        for (int i = 1; i < points.Length; i++)
        {
            if (SegmentEnters(points[i - 1], points[i], box))
            {
                return true;
            }
        }

        return points.Length == 1 && box.Contains(points[0]);
    }

    private static bool SegmentEnters(SKPoint a, SKPoint b, SKRect box)
    {
        float dx = b.X - a.X, dy = b.Y - a.Y;
        double t0 = 0, t1 = 1;
        (float P, float Q)[] edges = [(-dx, a.X - box.Left), (dx, box.Right - a.X), (-dy, a.Y - box.Top), (dy, box.Bottom - a.Y)];
        foreach (var (p, q) in edges)
        {
            if (p == 0)
            {
                if (q < 0)
                {
                    return false;
                }

                continue;
            }

            double t = q / p;
            if (p < 0)
            {
                t0 = Math.Max(t0, t);
            }
            else
            {
                t1 = Math.Min(t1, t);
            }

            if (t0 > t1)
            {
                return false;
            }
        }

        return true;
    }
}
