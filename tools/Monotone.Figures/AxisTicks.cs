using System.Globalization;

namespace Monotone.Figures;

/// <summary>One axis's view limits and ticks, as matplotlib would choose them.</summary>
/// <param name="OffsetText">matplotlib's "1e−6" above the axis when labels are scaled; null otherwise.</param>
internal sealed record AxisTicks(
    double Min,
    double Max,
    IReadOnlyList<AxisTick> Major,
    IReadOnlyList<double> Minor,
    string? OffsetText);

internal readonly record struct AxisTick(double Position, string Label);

/// <summary>
/// matplotlib's default ticking (MaxNLocator with steps 1, 2, 2.5, 5, 10;
/// AutoMinorLocator; ScalarFormatter with power limits (-5, 6)), so the
/// figures put ticks and labels where the notebook's do. ScottPlot's own tick
/// generator spaces ticks by label size instead.
/// </summary>
internal static class MatplotlibTicks
{
    private static readonly double[] Steps = [1, 2, 2.5, 5, 10];

    /// <summary>Data limits widened by matplotlib's margins, with its rule for an empty range.</summary>
    public static (double Min, double Max) ViewLimits(double dataMin, double dataMax, double margin)
    {
        double delta = (dataMax - dataMin) * margin;
        double min = dataMin - delta, max = dataMax + delta;
        if (max - min > 1e-300 * Math.Max(1, Math.Abs(min)))
        {
            return (min, max);
        }

        // mtransforms.nonsingular(expander=0.05): a flat line still gets a visible range.
        return min == 0 ? (-0.05, 0.05) : (min - 0.05 * Math.Abs(min), max + 0.05 * Math.Abs(max));
    }

    /// <param name="lengthPt">The axis's length on the page; matplotlib bases the number of ticks on it.</param>
    /// <param name="horizontal">matplotlib allows one tick per 3 label heights on x, per 2 on y.</param>
    /// <param name="integer">Only whole-number steps (layers), as MaxNLocator(integer=True).</param>
    public static AxisTicks Linear(double min, double max, float lengthPt, bool horizontal, bool integer)
    {
        int space = (int)Math.Floor(lengthPt / (FigureStyle.TickLabelSize * (horizontal ? 3 : 2)));
        int bins = Math.Max(1, Math.Min(space, 9));
        double[] locations = MaxN(min, max, bins, integer);
        double[] visible = [.. locations.Where(x => x >= min - 1e-10 * (max - min) && x <= max + 1e-10 * (max - min))];
        var (labels, offsetText) = Format(visible);
        return new AxisTicks(
            min,
            max,
            [.. visible.Zip(labels, (x, label) => new AxisTick(x, label))],
            AutoMinor(locations, min, max),
            offsetText);
    }

    /// <summary>MaxNLocator._raw_ticks, without the offset that only very narrow ranges far from zero need.</summary>
    private static double[] MaxN(double vmin, double vmax, int bins, bool integer)
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

    private static double EdgeLe(double x, double step)
    {
        double d = Math.Floor(x / step), m = x - d * step;
        return Math.Abs(m / step - 1) < 1e-10 ? d + 1 : d;
    }

    private static double EdgeGe(double x, double step)
    {
        double d = Math.Floor(x / step), m = x - d * step;
        return Math.Abs(m / step) < 1e-10 ? d : d + 1;
    }

    /// <summary>AutoMinorLocator: 5 divisions when the major step is 1, 2.5 or 5 times a power of ten, else 4.</summary>
    private static double[] AutoMinor(double[] major, double vmin, double vmax)
    {
        if (major.Length < 2)
        {
            return [];
        }

        double majorStep = major[1] - major[0];
        double mantissa = Math.Pow(10, ((Math.Log10(majorStep) % 1) + 1) % 1);
        int divisions = new[] { 1, 2.5, 5, 10 }.Any(m => Math.Abs(mantissa - m) <= 1e-8 + 1e-5 * m) ? 5 : 4;
        double minorStep = majorStep / divisions;
        double t0 = major[0];
        long first = (long)Math.Round((vmin - t0) / minorStep, MidpointRounding.ToEven);
        long last = (long)Math.Round((vmax - t0) / minorStep, MidpointRounding.ToEven);
        return [.. Enumerable.Range(0, (int)(last - first + 1))
            .Select(k => ((first + k) * minorStep) + t0)
            .Where(x => !major.Any(m => Math.Abs(m - x) < 1e-5 * minorStep))];
    }

    /// <summary>
    /// ScalarFormatter: one number of decimals for all labels, just enough to tell
    /// them apart, and a "1e−N" multiplier when the largest label is below 1e-4.
    /// </summary>
    internal static (string[] Labels, string? OffsetText) Format(double[] locations)
    {
        if (locations.Length == 0)
        {
            return ([], null);
        }

        double largest = locations.Max(Math.Abs);
        int magnitude = largest == 0 ? 0 : (int)Math.Floor(Math.Log10(largest));
        int order = magnitude <= -5 || magnitude >= 6 ? magnitude : 0;
        double[] scaled = [.. locations.Select(x => x / Math.Pow(10, order))];

        double range = scaled.Max() - scaled.Min();
        if (range == 0)
        {
            range = scaled.Max(Math.Abs);
        }

        if (range == 0)
        {
            range = 1;
        }

        int rangeMagnitude = (int)Math.Floor(Math.Log10(range));
        int decimals = Math.Max(0, 3 - rangeMagnitude);
        double threshold = 1e-3 * Math.Pow(10, rangeMagnitude);
        while (decimals >= 0 && scaled.Max(x => Math.Abs(x - Math.Round(x, Math.Min(decimals, 15), MidpointRounding.ToEven))) < threshold)
        {
            decimals--;
        }

        decimals++;
        string format = "F" + decimals.ToString(CultureInfo.InvariantCulture);
        string[] labels = [.. scaled.Select(x => Minus((Math.Abs(x) < 1e-8 ? 0 : x).ToString(format, CultureInfo.InvariantCulture)))];
        return (labels, order == 0 ? null : Minus(string.Create(CultureInfo.InvariantCulture, $"1e{order}")));
    }

    /// <summary>matplotlib writes negatives with a true minus sign (axes.unicode_minus).</summary>
    private static string Minus(string text) => text.Replace('-', '\u2212');
}
