using ScottPlot;
using SkiaSharp;

namespace Monotone.Figures;

/// <summary>
/// The parts of the notebook's style that ScottPlot 5 cannot draw itself, drawn
/// after it: its ticks only point outward and only on the bottom and left, its
/// tick labels, axis titles and legend use their own spacing, and it has no
/// "1e−N" multiplier.
/// </summary>
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
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true, IsStroke = true, StrokeWidth = FigureStyle.TickWidth };
        DrawTicks(canvas, ink, area);
        DrawTitles(canvas, area);
        new LegendBox(chart, frame, area).Draw(canvas);
        canvas.Restore();
    }

    private void DrawTicks(SKCanvas canvas, SKPaint ink, PixelRect area)
    {
        foreach (var (position, length) in Ticks(frame.X))
        {
            float x = Pixel(frame.X, position, area.Left, area.Right);
            canvas.DrawLine(x, area.Bottom, x, area.Bottom - length, ink);
            canvas.DrawLine(x, area.Top, x, area.Top + length, ink);
        }

        foreach (var (position, length) in Ticks(frame.Y))
        {
            float y = Pixel(frame.Y, position, area.Bottom, area.Top);
            canvas.DrawLine(area.Left, y, area.Left + length, y, ink);
            canvas.DrawLine(area.Right, y, area.Right - length, y, ink);
        }
    }

    private static IEnumerable<(double Position, float Length)> Ticks(AxisTicks axis) =>
        Visible(axis).Select(t => (t.Position, FigureStyle.MajorTickLength))
            .Concat(axis.Minor.Select(m => (m, FigureStyle.MinorTickLength)))
            .Where(t => t.Item1 >= axis.Min && t.Item1 <= axis.Max);

    internal static float Pixel(AxisTicks axis, double value, float from, float to) =>
        from + (float)((value - axis.Min) / (axis.Max - axis.Min) * (to - from));

    private void DrawTitles(SKCanvas canvas, PixelRect area)
    {
        using var text = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        using var tickFont = ChartFrame.Font(FigureStyle.TickLabelSize);
        using var labelFont = ChartFrame.Font(FigureStyle.AxisLabelSize);
        var tick = ChartFrame.LineMetrics(tickFont);
        var label = ChartFrame.LineMetrics(labelFont);

        // va="top" for x tick labels, va="center_baseline" for y tick labels, as matplotlib aligns them.
        foreach (var t in Visible(frame.X))
        {
            float x = Pixel(frame.X, t.Position, area.Left, area.Right);
            canvas.DrawText(t.Label, x, area.Bottom + FigureStyle.TickPad + tick.Ascent, SKTextAlign.Center, tickFont, text);
        }

        foreach (var t in Visible(frame.Y))
        {
            float y = Pixel(frame.Y, t.Position, area.Bottom, area.Top);
            canvas.DrawText(t.Label, area.Left - FigureStyle.TickPad, y + (tick.Ascent / 2), SKTextAlign.Right, tickFont, text);
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

    internal static IEnumerable<AxisTick> Visible(AxisTicks axis) => axis.Major.Where(t => t.Position >= axis.Min && t.Position <= axis.Max);
}
