using System.Globalization;
using ScottPlot;
using SkiaSharp;

namespace Monotone.Figures;

/// <summary>
/// Where a chart's axes go on the 4.5 × 3 in figure: ticks, limits, and a data
/// area whose labels end 0.05 in from the figure's edges. matplotlib's
/// bbox_inches="tight" reaches the same margin by cropping the figure (so the
/// notebook's PDFs come out a little smaller than 4.5 × 3 in); here the figure
/// keeps its size and the axes grow to fill it, which is what LaTeX and the
/// 1800 × 1200 px PNG need.
/// </summary>
internal sealed class ChartFrame
{
    private ChartFrame(AxisTicks x, AxisTicks y, bool logX, PixelPadding padding)
    {
        X = x;
        Y = y;
        LogX = logX;
        Padding = padding;
    }

    public AxisTicks X { get; }

    public AxisTicks Y { get; }

    /// <summary>Sequence lengths (64 … 2048) are plotted on a log2 axis, one tick per length measured.</summary>
    public bool LogX { get; }

    public PixelPadding Padding { get; }

    public PixelRect DataRect => new(
        Padding.Left, FigureStyle.Width - Padding.Right, FigureStyle.Height - Padding.Bottom, Padding.Top);

    public double[] ToX(double[] values) => LogX ? [.. values.Select(Math.Log2)] : values;

    public static ChartFrame Measure(Chart chart)
    {
        using var tickFont = Font(FigureStyle.TickLabelSize);
        using var labelFont = Font(FigureStyle.AxisLabelSize);
        float tickLine = LineMetrics(tickFont).Height, labelLine = LineMetrics(labelFont).Height;

        double[] ys = [.. chart.Curves.SelectMany(c => c.Band is null ? c.Y : c.Y.Select((y, i) => y - c.Band[i]).Concat(c.Y.Select((y, i) => y + c.Band[i])))];
        var (yMin, yMax) = ys.Length == 0 ? (0, 1) : MatplotlibTicks.ViewLimits(ys.Min(), ys.Max(), FigureStyle.YMargin);

        // First estimate of the data area: matplotlib, too, sizes ticks from the axes before tight layout.
        float width = FigureStyle.Width - 60, height = FigureStyle.Height - 45;
        var y = MatplotlibTicks.Linear(yMin, yMax, height, horizontal: false, integer: false);
        var x = chart.LayerAxis ? LayerTicks(chart, width) : LengthTicks(chart);

        float left = FigureStyle.OuterPad + labelLine + FigureStyle.LabelPad
            + y.Major.Select(t => tickFont.MeasureText(t.Label)).DefaultIfEmpty(0).Max() + FigureStyle.TickPad;
        float bottom = FigureStyle.OuterPad + labelLine + FigureStyle.LabelPad + tickLine + FigureStyle.TickPad;
        width = FigureStyle.Width - left - FigureStyle.OuterPad;
        height = FigureStyle.Height - bottom - FigureStyle.OuterPad;

        // Tick labels centred on the last tick, and the multiplier text, may stand out past the frame.
        float tickAscent = LineMetrics(tickFont).Ascent;
        float topOverflow = y.Major.Select(t => (tickAscent / 2) - Distance(y.Max - t.Position, y, height)).DefaultIfEmpty(0).Max();
        if (y.OffsetText is not null)
        {
            topOverflow = Math.Max(topOverflow, Decorations.OffsetTextPad + tickAscent);
        }

        float rightOverflow = x.Major.Select(t => (tickFont.MeasureText(t.Label) / 2) - Distance(x.Max - t.Position, x, width)).DefaultIfEmpty(0).Max();
        var padding = new PixelPadding(
            left,
            FigureStyle.OuterPad + Math.Max(0, rightOverflow),
            bottom,
            FigureStyle.OuterPad + Math.Max(0, topOverflow));
        return new ChartFrame(x, y, !chart.LayerAxis, padding);
    }

    internal static SKFont Font(float size) => new(PaperFonts.Regular, size) { Subpixel = true, LinearMetrics = true };

    /// <summary>
    /// matplotlib's line box: from the top of "l" to the bottom of "p", rather than
    /// the font's whole ascent and descent, which would leave visibly wider gaps.
    /// </summary>
    internal static (float Ascent, float Descent, float Height) LineMetrics(SKFont font)
    {
        font.MeasureText("lp", out var bounds);
        return (-bounds.Top, bounds.Bottom, bounds.Height);
    }

    private static float Distance(double span, AxisTicks axis, float length) => (float)(span / (axis.Max - axis.Min) * length);

    private static AxisTicks LayerTicks(Chart chart, float width)
    {
        double[] xs = [.. chart.Curves.SelectMany(c => c.X)];
        var (min, max) = xs.Length == 0 ? (0, 1) : MatplotlibTicks.ViewLimits(xs.Min(), xs.Max(), FigureStyle.XMargin);
        return MatplotlibTicks.Linear(min, max, width, horizontal: true, integer: true);
    }

    /// <summary>
    /// A tick at every measured length, labelled with the length itself; the
    /// margin is matplotlib's default 5%, so the end markers clear the frame.
    /// </summary>
    private static AxisTicks LengthTicks(Chart chart)
    {
        double[] lengths = [.. chart.Curves.SelectMany(c => c.X).Distinct().Order()];
        var (min, max) = MatplotlibTicks.ViewLimits(Math.Log2(lengths[0]), Math.Log2(lengths[^1]), 0.05);
        return new AxisTicks(
            min,
            max,
            [.. lengths.Select(n => new AxisTick(Math.Log2(n), n.ToString("0", CultureInfo.InvariantCulture)))],
            [],
            null);
    }
}
