using ScottPlot;
using SkiaSharp;

namespace Monotone.Figures;

/// <summary>
/// The parts of the notebook's style that ScottPlot 5 cannot draw itself, drawn
/// after it from the ticks its axes hold and at the pixels its axes map them to:
/// its tick marks only point outward and only on the bottom and left, its tick
/// labels, axis titles and legend use their own spacing, and it has no "1e−N"
/// multiplier.
/// </summary>
/// <remarks>
/// ScottPlot can be told to draw inward ticks (a negative <c>TickMarkStyle.Length</c>) on all
/// four axes, but it draws each axis's label, ticks and frame together and with its own
/// paint, so the figures' PDF and SVG drawing order and bytes would change; these marks
/// stay here, drawn in the order they always were.
/// </remarks>
internal sealed class Decorations(Chart chart, ChartFrame frame) : IRenderAction
{
    /// <summary>matplotlib's OFFSETTEXTPAD: the multiplier's baseline sits 3 pt above the frame.</summary>
    public const float OffsetTextPad = 3;

    /// <summary>Marker diameter on the sequence-length figure (matplotlib's default 'o' is 6 pt; 4 reads better at this size).</summary>
    public const float MarkerSize = 4;

    public void Render(RenderPack rp)
    {
        var canvas = rp.Canvas;
        canvas.Save();
        var area = rp.DataRect;
        var (bottom, left) = (rp.Plot.Axes.Bottom, rp.Plot.Axes.Left);
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true, IsStroke = true, StrokeWidth = FigureStyle.Ticks.Width };
        DrawTicks(canvas, ink, area, bottom, left);
        DrawTitles(canvas, area, bottom, left);
        new LegendBox(chart, frame, bottom, left, area).Draw(canvas);
        canvas.Restore();
    }

    private static void DrawTicks(SKCanvas canvas, SKPaint ink, PixelRect area, IXAxis bottom, IYAxis left)
    {
        foreach (var tick in bottom.TickGenerator.Ticks)
        {
            float x = bottom.GetPixel(tick.Position, area), length = Length(tick);
            canvas.DrawLine(x, area.Bottom, x, area.Bottom - length, ink);
            canvas.DrawLine(x, area.Top, x, area.Top + length, ink);
        }

        foreach (var tick in left.TickGenerator.Ticks)
        {
            float y = left.GetPixel(tick.Position, area), length = Length(tick);
            canvas.DrawLine(area.Left, y, area.Left + length, y, ink);
            canvas.DrawLine(area.Right, y, area.Right - length, y, ink);
        }
    }

    private static float Length(Tick tick) => tick.IsMajor ? FigureStyle.Ticks.MajorLength : FigureStyle.Ticks.MinorLength;

    private void DrawTitles(SKCanvas canvas, PixelRect area, IXAxis bottom, IYAxis left)
    {
        using var text = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        using var tickFont = ChartFrame.Font(FigureStyle.Font.TickLabel);
        using var labelFont = ChartFrame.Font(FigureStyle.Font.AxisLabel);
        var tick = ChartFrame.LineMetrics(tickFont);
        var label = ChartFrame.LineMetrics(labelFont);

        // va="top" for x tick labels, va="center_baseline" for y tick labels, as matplotlib aligns them.
        foreach (var t in bottom.TickGenerator.Ticks.Where(t => t.IsMajor))
        {
            float x = bottom.GetPixel(t.Position, area);
            canvas.DrawText(t.Label, x, area.Bottom + FigureStyle.Ticks.Pad + tick.Ascent, SKTextAlign.Center, tickFont, text);
        }

        foreach (var t in left.TickGenerator.Ticks.Where(t => t.IsMajor))
        {
            float y = left.GetPixel(t.Position, area);
            canvas.DrawText(t.Label, area.Left - FigureStyle.Ticks.Pad, y + (tick.Ascent / 2), SKTextAlign.Right, tickFont, text);
        }

        canvas.DrawText(chart.XLabel, area.HorizontalCenter, FigureStyle.Height - FigureStyle.OuterPad - label.Descent, SKTextAlign.Center, labelFont, text);
        canvas.Save();
        canvas.Translate(FigureStyle.OuterPad + label.Ascent, area.VerticalCenter);
        canvas.RotateDegrees(-90);
        canvas.DrawText(chart.YLabel, 0, 0, SKTextAlign.Center, labelFont, text);
        canvas.Restore();

        if (frame.Y.OffsetText is { } offset)
        {
            canvas.DrawText(offset, area.Left, area.Top - OffsetTextPad, SKTextAlign.Left, tickFont, text);
        }
    }
}
