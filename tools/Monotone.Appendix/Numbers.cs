using System.Globalization;

namespace Monotone.Appendix;

/// <summary>How the appendix and the LaTeX files write numbers, so the two always agree.</summary>
public static class Numbers
{
    /// <summary>
    /// Rates in [0, 1] with four decimals (0.0512); below 0.001, where four decimals
    /// would hide them, three significant digits (1.23e−4).
    /// </summary>
    public static string Rate(double value) =>
        value == 0 || value >= 0.001 ? value.ToString("0.0000", CultureInfo.InvariantCulture) : Error(value);

    /// <summary>A number as written above, in LaTeX: 1.23e−4 becomes \ensuremath{1.23\times10^{-4}}.</summary>
    public static string Latex(string number)
    {
        int e = number.IndexOf('e', StringComparison.Ordinal);
        return e < 0
            ? number
            : $"\\ensuremath{{{number[..e]}\\times10^{{{number[(e + 1)..].Replace('\u2212', '-')}}}}}";
    }

    /// <summary>Errors span many decades: three significant digits, in scientific notation below 0.001 (0.0299, 1.23e−4).</summary>
    public static string Error(double value)
    {
        if (value == 0 || !double.IsFinite(value))
        {
            return value.ToString(CultureInfo.InvariantCulture);
        }

        int magnitude = (int)Math.Floor(Math.Log10(Math.Abs(value)));
        return magnitude is >= -3 and < 4
            ? value.ToString("F" + Math.Max(0, 2 - magnitude).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)
            : value.ToString("0.00e+0", CultureInfo.InvariantCulture).Replace("e+", "e", StringComparison.Ordinal).Replace('-', '\u2212');
    }

    /// <summary>A signed difference of rates, written as <see cref="Rate"/> writes its size, with + or − (0 unsigned).</summary>
    public static string Difference(double value) =>
        value == 0 ? Rate(0) : (value > 0 ? "+" : "\u2212") + Rate(Math.Abs(value));

    public static string Integer(long value) => value.ToString("#,0", CultureInfo.InvariantCulture).Replace(",", "\u2009", StringComparison.Ordinal);

    public static string Plain(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Shortest round-trip form, for provenance (1E-10 becomes 1e−10).</summary>
    public static string Exact(double value) => value.ToString("R", CultureInfo.InvariantCulture).Replace("E", "e", StringComparison.Ordinal).Replace('-', '\u2212');
}
