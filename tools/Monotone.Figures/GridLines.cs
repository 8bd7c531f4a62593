using ScottPlot;
using SkiaSharp;

namespace Monotone.Figures;

/// <summary>
/// The major grid, dashed as matplotlib's "--" at 0.5 pt and alpha 0.2, drawn
/// beneath the data. ScottPlot's own grid dashes through a Skia path effect,
/// which the PDF and SVG backends write out as one filled outline per dash
/// (about 40 KB more per figure PDF, 150 KB per SVG); one path of short
/// strokes draws the same marks in a fraction of that.
/// </summary>
internal sealed class GridLines : IRenderAction
{
    public void Render(RenderPack rp)
    {
        var area = rp.DataRect;
        var (bottom, left) = (rp.Plot.Axes.Bottom, rp.Plot.Axes.Left);
        using var path = new SKPath();
        foreach (var tick in bottom.TickGenerator.Ticks.Where(t => t.IsMajor))
        {
            float x = bottom.GetPixel(tick.Position, area);
            AddDashes(path, new SKPoint(x, area.Bottom), new SKPoint(x, area.Top));
        }

        foreach (var tick in left.TickGenerator.Ticks.Where(t => t.IsMajor))
        {
            float y = left.GetPixel(tick.Position, area);
            AddDashes(path, new SKPoint(area.Left, y), new SKPoint(area.Right, y));
        }

        using var paint = new SKPaint
        {
            Color = SKColors.Black.WithAlpha((byte)Math.Round(FigureStyle.Grid.Alpha * 255)),
            IsAntialias = true,
            IsStroke = true,
            StrokeWidth = FigureStyle.Grid.Width,
            StrokeCap = SKStrokeCap.Butt,
        };
        rp.Canvas.DrawPath(path, paint);
    }

    /// <summary>Dashes from <paramref name="from"/> on, the pattern starting at the line's start as matplotlib's does.</summary>
    private static void AddDashes(SKPath path, SKPoint from, SKPoint to)
    {
        float length = SKPoint.Distance(from, to);
        var direction = new SKPoint((to.X - from.X) / length, (to.Y - from.Y) / length);
        var (on, off) = FigureStyle.Grid.Dashes;
        float period = on + off;
        for (float start = 0; start < length; start += period)
        {
            float end = Math.Min(start + on, length);
            path.MoveTo(from.X + (direction.X * start), from.Y + (direction.Y * start));
            path.LineTo(from.X + (direction.X * end), from.Y + (direction.Y * end));
        }
    }
}
