using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;
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
    private ChartFrame(ITickGenerator x, MaxNLocator y, CoordinateRange xRange, CoordinateRange yRange, bool logX, PixelPadding padding)
    {
        X = x;
        Y = y;
        XRange = xRange;
        YRange = yRange;
        LogX = logX;
        Padding = padding;
    }

    /// <summary>The x axis's ticks: <see cref="MaxNLocator"/> on layers, one manual tick per length otherwise.</summary>
    public ITickGenerator X { get; }

    public MaxNLocator Y { get; }

    /// <summary>The x view limits, in plotted units (log2 of the length on the length axis).</summary>
    public CoordinateRange XRange { get; }

    public CoordinateRange YRange { get; }

    /// <summary>Sequence lengths (64 … 2048) are plotted on a log2 axis, one tick per length measured.</summary>
    public bool LogX { get; }

    public PixelPadding Padding { get; }

    public double[] ToX(double[] values) => LogX ? [.. values.Select(Math.Log2)] : values;

    public static ChartFrame Measure(Chart chart)
    {
        using var tickFont = Font(FigureStyle.Font.TickLabel);
        using var labelFont = Font(FigureStyle.Font.AxisLabel);
        float tickLine = LineMetrics(tickFont).Height, labelLine = LineMetrics(labelFont).Height;

        double[] ys =
        [
            .. chart.Curves.SelectMany(c => c.Band is null ? c.Y : c.Y.Select((y, i) => y - c.Band[i]).Concat(c.Y.Select((y, i) => y + c.Band[i]))),
            .. chart.ReferenceY is double reference ? [reference] : Array.Empty<double>(),
        ];
        var (yMin, yMax) = ys.Length == 0 ? (0, 1) : ViewLimits.Autoscale(ys.Min(), ys.Max(), FigureStyle.Axes.YMargin);
        var yRange = new CoordinateRange(yMin, yMax);

        // First estimate of the data area: matplotlib, too, sizes ticks from the axes before
        // tight layout. ScottPlot regenerates the ticks for the final data area when it renders.
        float width = FigureStyle.Width - 60, height = FigureStyle.Height - 45;
        var y = new MaxNLocator(integer: false);
        y.Regenerate(yRange, horizontal: false, height);
        var (x, xRange, xTicks) = chart.LayerAxis ? LayerTicks(chart, width) : LengthTicks(chart);
        Tick[] yTicks = [.. y.Ticks.Where(t => t.IsMajor)];

        float left = FigureStyle.OuterPad + labelLine + FigureStyle.Axes.LabelPad
            + yTicks.Select(t => tickFont.MeasureText(t.Label)).DefaultIfEmpty(0).Max() + FigureStyle.Ticks.Pad;
        float bottom = FigureStyle.OuterPad + labelLine + FigureStyle.Axes.LabelPad + tickLine + FigureStyle.Ticks.Pad;
        width = FigureStyle.Width - left - FigureStyle.OuterPad;
        height = FigureStyle.Height - bottom - FigureStyle.OuterPad;

        // Tick labels centred on the last tick, and the multiplier text, may stand out past the frame.
        float tickAscent = LineMetrics(tickFont).Ascent;
        float topOverflow = yTicks.Select(t => (tickAscent / 2) - Distance(yRange.Max - t.Position, yRange, height)).DefaultIfEmpty(0).Max();
        if (y.OffsetText is not null)
        {
            topOverflow = Math.Max(topOverflow, Decorations.OffsetTextPad + tickAscent);
        }

        float rightOverflow = xTicks.Select(t => (tickFont.MeasureText(t.Label) / 2) - Distance(xRange.Max - t.Position, xRange, width)).DefaultIfEmpty(0).Max();
        var padding = new PixelPadding(
            left,
            FigureStyle.OuterPad + Math.Max(0, rightOverflow),
            bottom,
            FigureStyle.OuterPad + Math.Max(0, topOverflow));
        return new ChartFrame(x, y, xRange, yRange, !chart.LayerAxis, padding);
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

    private static float Distance(double span, CoordinateRange axis, float length) => (float)(span / (axis.Max - axis.Min) * length);

    private static (ITickGenerator Generator, CoordinateRange Range, Tick[] Major) LayerTicks(Chart chart, float width)
    {
        double[] xs = [.. chart.Curves.SelectMany(c => c.X)];
        var (min, max) = xs.Length == 0 ? (0, 1) : ViewLimits.Autoscale(xs.Min(), xs.Max(), FigureStyle.Axes.XMargin);
        var range = new CoordinateRange(min, max);
        var locator = new MaxNLocator(integer: true);
        locator.Regenerate(range, horizontal: true, width);
        return (locator, range, [.. locator.Ticks.Where(t => t.IsMajor)]);
    }

    /// <summary>
    /// A tick at every measured length, labelled with the length itself; the
    /// margin is matplotlib's default 5%, so the end markers clear the frame.
    /// </summary>
    private static (ITickGenerator Generator, CoordinateRange Range, Tick[] Major) LengthTicks(Chart chart)
    {
        double[] lengths = [.. chart.Curves.SelectMany(c => c.X).Distinct().Order()];
        var (min, max) = ViewLimits.Autoscale(Math.Log2(lengths[0]), Math.Log2(lengths[^1]), 0.05);
        Tick[] ticks = [.. lengths.Select(n => Tick.Major(Math.Log2(n), n.ToString("0", CultureInfo.InvariantCulture)))];
        return (new NumericManual(ticks), new CoordinateRange(min, max), ticks);
    }
}
