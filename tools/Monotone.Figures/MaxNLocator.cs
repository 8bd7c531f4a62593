using ScottPlot;

namespace Monotone.Figures;

/// <summary>
/// Port of matplotlib's default major locator, <c>ticker.MaxNLocator</c> (<c>lib/matplotlib/ticker.py</c>,
/// <c>_raw_ticks</c> and <c>tick_values</c>, as <c>AutoLocator</c> configures it: steps 1, 2, 2.5, 5, 10,
/// <c>nbins='auto'</c>), as a ScottPlot tick generator: majors labelled by <see cref="ScalarFormatter"/>,
/// minors from <see cref="AutoMinorLocator"/>, so the figures put ticks and labels where the
/// notebook's do. ScottPlot's own <c>NumericAutomatic</c> spaces ticks by label size instead.
/// </summary>
/// <remarks>
/// Contract of <see cref="Regenerate(CoordinateRange, Edge, PixelLength, Paint, LabelStyle)"/>: the range is the
/// view in data units, the size the axis's length in points. The number of bins is matplotlib's
/// <c>Axis.get_tick_space</c>: one per 3 tick-label heights on x and per 2 on y, at most 9. Afterwards
/// <see cref="Ticks"/> holds the major ticks inside the view, ascending, then the minor ones; <see
/// cref="OffsetText"/> the formatter's multiplier or null. Not ported: the offset that only very narrow
/// ranges far from zero need, and <c>prune</c>/<c>symmetric</c>, which the notebook does not use.
/// </remarks>
/// <param name="integer">Only whole-number steps (layers), as <c>MaxNLocator(integer=True)</c>.</param>
internal sealed class MaxNLocator(bool integer) : ITickGenerator
{
    private const int MaxBins = 9;

    private static readonly double[] Steps = [1, 2, 2.5, 5, 10];

    private readonly AutoMinorLocator minor = new();

    public Tick[] Ticks { get; private set; } = [];

    /// <summary>Not used: matplotlib bounds the count through the axis length instead.</summary>
    public int MaxTickCount { get; set; } = MaxBins + 1;

    /// <summary>matplotlib's "1e−6" above the axis when the labels are scaled; null otherwise.</summary>
    public string? OffsetText { get; private set; }

    public void Regenerate(CoordinateRange range, Edge edge, PixelLength size, Paint paint, LabelStyle labelStyle) =>
        Regenerate(range, edge.IsHorizontal(), size.Length);

    /// <summary>What <see cref="ITickGenerator.Regenerate"/> does, for callers that lay out before ScottPlot renders.</summary>
    /// <param name="lengthPt">The axis's length on the page, in points.</param>
    public void Regenerate(CoordinateRange range, bool horizontal, float lengthPt)
    {
        double min = range.Min, max = range.Max;
        int space = (int)Math.Floor(lengthPt / (FigureStyle.Font.TickLabel * (horizontal ? 3 : 2)));
        double[] locations = TickValues(min, max, Math.Max(1, Math.Min(space, MaxBins)), integer);

        // Labels are formatted from every tick within rounding of the view, as matplotlib's
        // Axis._update_ticks selects them; only those inside it are drawn.
        double tolerance = 1e-10 * (max - min);
        double[] labelled = [.. locations.Where(x => x >= min - tolerance && x <= max + tolerance)];
        var (labels, offsetText) = ScalarFormatter.Format(labelled);
        OffsetText = offsetText;
        Ticks =
        [
            .. labelled.Zip(labels, Tick.Major).Where(t => t.Position >= min && t.Position <= max),
            .. minor.GetMinorTicks(locations, range).Where(x => x >= min && x <= max).Select(Tick.Minor),
        ];
    }

    /// <summary>MaxNLocator._raw_ticks: evenly spaced locations covering [vmin, vmax], at least two inside it.</summary>
    /// <param name="bins">The most intervals between ticks; at least 1.</param>
    internal static double[] TickValues(double vmin, double vmax, int bins, bool integer)
    {
        double scale = Math.Pow(10, Math.Floor(Math.Log10((vmax - vmin) / bins)));
        double[] extended = [.. Steps.SkipLast(1).Select(s => 0.1 * s), .. Steps, 10 * Steps[1]];
        double[] steps = [.. extended.Select(s => s * scale)];
        if (integer)
        {
            steps = [.. steps.Where(s => s < 1 || Math.Abs(s - Math.Round(s)) < 0.001)];
        }

        double rawStep = (vmax - vmin) / bins;
        int first = Array.FindIndex(steps, s => s >= rawStep);
        double[] ticks = [];
        for (int i = first; i >= 0; i--)
        {
            double step = steps[i];
            if (integer && Math.Floor(vmax) - Math.Ceiling(vmin) >= 1)
            {
                step = Math.Max(1, step);
            }

            double best = Math.Floor(vmin / step) * step;
            double low = EdgeLe(vmin - best, step), high = EdgeGe(vmax - best, step);
            ticks = [.. Enumerable.Range(0, (int)(high - low) + 1).Select(k => (low + k) * step + best)];
            if (ticks.Count(t => t >= vmin && t <= vmax) >= 2)
            {
                break;
            }
        }

        return ticks;
    }

    /// <summary>matplotlib's _Edge_integer.le: the multiple of step at or below x, forgiving rounding.</summary>
    private static double EdgeLe(double x, double step)
    {
        double d = Math.Floor(x / step), m = x - d * step;
        return Math.Abs(m / step - 1) < 1e-10 ? d + 1 : d;
    }

    /// <summary>matplotlib's _Edge_integer.ge: the multiple of step at or above x, forgiving rounding.</summary>
    private static double EdgeGe(double x, double step)
    {
        double d = Math.Floor(x / step), m = x - d * step;
        return Math.Abs(m / step) < 1e-10 ? d : d + 1;
    }
}
