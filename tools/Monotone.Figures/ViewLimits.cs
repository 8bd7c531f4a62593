namespace Monotone.Figures;

/// <summary>
/// An axis's view limits as matplotlib autoscales them: the data range widened by
/// the axes' margins (matplotlib <c>axes/_base.py</c>, <c>_AxesBase.autoscale_view</c>),
/// with <c>transforms.nonsingular(expander=0.05)</c> for a range that is empty.
/// </summary>
internal static class ViewLimits
{
    /// <summary>
    /// Data limits widened by <paramref name="margin"/> (a fraction of the data range) on each side.
    /// </summary>
    /// <returns>Min below max, in data units; a flat line still gets a visible range.</returns>
    public static (double Min, double Max) Autoscale(double dataMin, double dataMax, double margin)
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
}
