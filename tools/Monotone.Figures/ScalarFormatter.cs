using System.Globalization;

namespace Monotone.Figures;

/// <summary>
/// Port of matplotlib's <c>ticker.ScalarFormatter</c> (<c>lib/matplotlib/ticker.py</c>:
/// <c>_compute_offset</c> is not ported, <c>_set_order_of_magnitude</c> with
/// <c>axes.formatter.limits: -5, 6</c>, <c>_set_format</c>, and <c>axes.unicode_minus</c>).
/// </summary>
/// <remarks>
/// Contract: one number of decimals for all labels, just enough to tell them apart; when the
/// largest location is below 1e-4 or at least 1e6 in magnitude the labels are scaled by
/// 10^-order and the multiplier (matplotlib's offset text, "1e−6") is returned beside them.
/// Negatives use a true minus sign (U+2212). Labels come in the order of the locations.
/// </remarks>
internal static class ScalarFormatter
{
    /// <param name="locations">Tick positions in data units; may be empty.</param>
    /// <returns>One label per location, and the multiplier text or null when labels are not scaled.</returns>
    public static (string[] Labels, string? OffsetText) Format(double[] locations)
    {
        ArgumentNullException.ThrowIfNull(locations);
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
