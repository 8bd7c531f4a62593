using ScottPlot;

namespace Monotone.Figures;

/// <summary>
/// Port of matplotlib's <c>ticker.AutoMinorLocator</c> (<c>lib/matplotlib/ticker.py</c>, with
/// <c>n=None</c> and <c>xtick.minor.ndivs: auto</c>): 5 minor divisions when the major step is
/// 1, 2.5 or 5 times a power of ten, 4 otherwise; minor ticks that fall on a major tick are dropped.
/// </summary>
/// <remarks>
/// Contract: <paramref name="majorTicks"/> are the locator's raw major locations in ascending order,
/// evenly spaced, including those just outside the view (as matplotlib passes them); fewer
/// than two give no minor ticks. Returned positions are in data units, ascending, covering
/// the visible range rounded half to even to whole minor steps, as numpy's <c>round</c> does.
/// </remarks>
internal sealed class AutoMinorLocator : IMinorTickGenerator
{
    public IEnumerable<double> GetMinorTicks(double[] majorTicks, CoordinateRange visibleRange)
    {
        ArgumentNullException.ThrowIfNull(majorTicks);
        if (majorTicks.Length < 2)
        {
            return [];
        }

        double majorStep = majorTicks[1] - majorTicks[0];
        double mantissa = Math.Pow(10, ((Math.Log10(majorStep) % 1) + 1) % 1);
        int divisions = new[] { 1, 2.5, 5, 10 }.Any(m => Math.Abs(mantissa - m) <= 1e-8 + 1e-5 * m) ? 5 : 4;
        double minorStep = majorStep / divisions;
        double t0 = majorTicks[0];
        long first = (long)Math.Round((visibleRange.Min - t0) / minorStep, MidpointRounding.ToEven);
        long last = (long)Math.Round((visibleRange.Max - t0) / minorStep, MidpointRounding.ToEven);
        return [.. Enumerable.Range(0, (int)(last - first + 1))
            .Select(k => ((first + k) * minorStep) + t0)
            .Where(x => !majorTicks.Any(m => Math.Abs(m - x) < 1e-5 * minorStep))];
    }
}
