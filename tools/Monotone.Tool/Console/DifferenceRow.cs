using System.Globalization;
using Monotone.Results;

namespace Monotone.Tool.Console;

/// <summary>
/// One row of the tables <c>verify</c> and <c>diff</c> print for a field that differs:
/// experiment, layer, field, the two values and the change, for <see cref="TextTable"/>.
/// </summary>
internal static class DifferenceRow
{
    /// <summary>The cells for <paramref name="difference"/> (Expected = the older or committed value, Actual = the newer or recomputed one); layer 0, a whole-result field, shows as "-".</summary>
    public static string[] Of(string experiment, LayerDifference difference) =>
    [
        experiment,
        difference.Layer == 0 ? "-" : Number(difference.Layer),
        difference.Field,
        Number(difference.Expected),
        Number(difference.Actual),
        Change(difference.Expected, difference.Actual),
    ];

    /// <summary>A value with 10 significant digits, the same on every culture.</summary>
    public static string Number(double value) => value.ToString("G10", CultureInfo.InvariantCulture);

    // The difference, and relative to the old value where it is not zero: "+1 (+8.333E-2)".
    private static string Change(double old, double @new)
    {
        double delta = @new - old;
        string sign = delta > 0 ? "+" : "";
        return old == 0 ? $"{sign}{Number(delta)}" : $"{sign}{Number(delta)} ({(delta / Math.Abs(old)).ToString("+0.###E+0;-0.###E+0", CultureInfo.InvariantCulture)})";
    }
}
