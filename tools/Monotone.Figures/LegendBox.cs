using ScottPlot;
using SkiaSharp;

namespace Monotone.Figures;

/// <summary>
/// The notebook's legend: no frame, 9 pt, handles 1.2 em long, placed where
/// <see cref="BestLegendLocation"/> (matplotlib's loc="best") puts it. Spacings are
/// matplotlib's defaults, in units of the font size.
/// </summary>
/// <remarks>
/// The items are drawn here rather than by ScottPlot's <c>Legend</c>, because its
/// <c>RenderLayout</c> cannot give the figures' bytes: it always clips the items to the
/// legend's box (one more clip in every PDF and SVG), sizes each row from the font's line
/// spacing where matplotlib uses the "lp" line box (<see cref="ChartFrame.LineMetrics"/>),
/// draws each handle from right to left, and draws the labels through its own
/// <c>LabelStyle</c> paint. The placement is ScottPlot's: an <see cref="Alignment"/> inside
/// the data area (<see cref="PixelRect.AlignedInside(PixelRect, Alignment, PixelPadding)"/>).
/// </remarks>
internal sealed class LegendBox
{
    private const float Size = FigureStyle.Font.Legend;
    private const float BorderPad = 0.4f * Size;
    private const float BorderAxesPad = 0.5f * Size;
    private const float LabelSpacing = 0.5f * Size;
    private const float HandleLength = 1.2f * Size;
    private const float HandleTextPad = 0.8f * Size;

    private readonly Chart chart;
    private readonly ChartFrame frame;
    private readonly IXAxis xAxis;
    private readonly IYAxis yAxis;
    private readonly PixelRect area;

    public LegendBox(Chart chart, ChartFrame frame, IXAxis xAxis, IYAxis yAxis, PixelRect area)
    {
        this.chart = chart;
        this.frame = frame;
        this.xAxis = xAxis;
        this.yAxis = yAxis;
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
        var (_, box) = BestLegendLocation.Choose(new PixelSize(width, height), area, BorderAxesPad, Lines());

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
                PathEffect = curve.Dashed ? LineDashes.Handle(curve.Dash, HandleLength) : null,
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

    /// <summary>What loc="best" avoids: every curve, and the reference line from edge to edge of the axes.</summary>
    private List<SKPoint[]> Lines()
    {
        var lines = chart.Curves.Select(Points).ToList();
        if (chart.ReferenceY is double y)
        {
            float pixel = yAxis.GetPixel(y, area);
            lines.Add([new SKPoint(area.Left, pixel), new SKPoint(area.Right, pixel)]);
        }

        return lines;
    }

    private SKPoint[] Points(Curve curve)
    {
        double[] xs = frame.ToX(curve.X);
        return [.. xs.Select((x, i) => new SKPoint(xAxis.GetPixel(x, area), yAxis.GetPixel(curve.Y[i], area)))];
    }
}
